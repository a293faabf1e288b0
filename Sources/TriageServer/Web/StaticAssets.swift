/// The page's only script and style sheet, served by the app (no build step, no external hosts).
enum StaticAssets {
    /// Keyboard: j/k move through the queue (Enter opens, x selects the row for bulk accept, Shift+A selects every
    /// gated plan shown); on a card a accepts, e edits, r rejects, j/k go back.
    static let script = """
        const selectAll = document.getElementById('select-all');
        const picks = () => Array.from(document.querySelectorAll('input.pick'));
        if (selectAll) selectAll.addEventListener('change', () => picks().forEach((box) => { box.checked = selectAll.checked; }));
        const actions = document.getElementById('actions');
        if (actions && actions.dataset.lock) {
          fetch(actions.dataset.lock, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': actions.dataset.csrf } });
        }
        document.addEventListener('keydown', (event) => {
          const tag = (event.target.tagName || '').toLowerCase();
          if (['input', 'textarea', 'select'].includes(tag)) return;
          const rows = Array.from(document.querySelectorAll('tr.row'));
          if (rows.length) {
            let index = rows.findIndex((row) => row.classList.contains('selected'));
            if (event.key === 'j' || event.key === 'k') {
              if (index >= 0) rows[index].classList.remove('selected');
              index = event.key === 'j' ? Math.min(index + 1, rows.length - 1) : Math.max(index - 1, 0);
              rows[index].classList.add('selected');
              rows[index].scrollIntoView({ block: 'nearest' });
            } else if (event.key === 'Enter' && index >= 0) {
              window.location = rows[index].dataset.href;
            } else if (event.key === 'x' && index >= 0) {
              const box = rows[index].querySelector('input.pick');
              if (box) box.checked = !box.checked;
            } else if (event.key === 'A' && selectAll) {
              selectAll.checked = true;
              picks().forEach((box) => { box.checked = true; });
            }
            return;
          }
          if (event.key === 'a') { const button = document.getElementById('accept'); if (button && !button.disabled) button.click(); }
          if (event.key === 'e') { const edit = document.getElementById('edit'); if (edit) { edit.open = true; document.getElementById('edit-action').focus(); event.preventDefault(); } }
          if (event.key === 'r') { const reason = document.getElementById('reject-reason'); if (reason) { reason.focus(); event.preventDefault(); } }
          if (event.key === 'j' || event.key === 'k') { window.location = '/'; }
        });
        """

    static let style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1b1f24; }
        header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #12324a; color: #fff; }
        header a { color: #fff; } .brand { font-weight: 700; text-decoration: none; } .who { margin-left: auto; }
        main { padding: 1rem; max-width: 1200px; } table { border-collapse: collapse; margin: .5rem 0; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        tr.selected { background: #fff3c4; } pre { background: #f5f6f8; padding: .5rem; white-space: pre-wrap; max-width: 100%; }
        .flag { background: #b3261e; color: #fff; padding: 0 .4rem; border-radius: 3px; } .error { color: #b3261e; }
        .actions form, .actions details { margin: .5rem 0; } .inline { display: inline; } kbd { border: 1px solid #aaa; padding: 0 .3rem; border-radius: 3px; }
        section { margin-top: 1rem; } .hint { color: #666; } .decided { background: #e6f4ea; padding: .5rem; }
        .bulk { margin: .5rem 0; } mark { background: #fff1a8; color: inherit; } mark a { color: inherit; }
        .ruled-out { color: #b3261e; } tr.matched td { background: #e6f4ea; } :focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; } .chart { background: #fff; border: 1px solid #eee; }
        @media print { header, .actions { display: none; } .chart { break-inside: avoid; } }
        """
}
