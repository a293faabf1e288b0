#include "cstdio_shim.h"
#include <stdio.h>

void cstdio_line_buffered_stdout(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
}
