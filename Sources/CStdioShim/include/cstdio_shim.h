// C's stdout, which Swift 6 will not reference (a mutable C global).
#ifndef CSTDIO_SHIM_H
#define CSTDIO_SHIM_H

/// Makes stdout line-buffered: each line is written when it ends, to a file or a pipe as to a terminal.
void cstdio_line_buffered_stdout(void);

#endif
