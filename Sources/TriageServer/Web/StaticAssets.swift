/// The page's only script and style sheet, served by the app (no build step, no external hosts).
enum StaticAssets {
    /// Enhances plain forms: the edit form shows the chosen action's fields, choosing a candidate fills its order
    /// fields, the source text scrolls to its first evidence. Keyboard: j/k move through the queue (Enter opens, x
    /// selects the row for bulk accept, Shift+A selects every gated plan shown); on a card a accepts, e edits,
    /// r rejects, j/k go back.
    static let script = """
        const selectAll = document.getElementById('select-all');
        const picks = () => Array.from(document.querySelectorAll('input.pick'));
        if (selectAll) selectAll.addEventListener('change', () => picks().forEach((box) => { box.checked = selectAll.checked; }));
        const actions = document.getElementById('actions');
        if (actions && actions.dataset.lock) {
          fetch(actions.dataset.lock, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': actions.dataset.csrf } });
        }
        const editAction = document.getElementById('edit-action');
        if (editAction) editAction.addEventListener('change', () => document.querySelectorAll('fieldset.params').forEach((set) => {
          set.hidden = set.disabled = set.dataset.action !== editAction.value;
        }));
        const accept = document.getElementById('accept');
        const acceptable = accept && !accept.disabled;
        document.querySelectorAll('input[name=candidate]').forEach((radio) => radio.addEventListener('change', () => {
          Object.entries(JSON.parse(radio.dataset.sets || '{}')).forEach(([key, value]) => {
            document.querySelectorAll('[name="p.' + key + '"]').forEach((input) => { input.value = value; });
          });
          const other = !radio.hasAttribute('data-suggested');
          if (accept) accept.disabled = !acceptable || other;
          const hint = document.getElementById('candidate-hint');
          if (hint) hint.hidden = !other;
          if (other) document.getElementById('edit').open = true;
        }));
        const source = document.querySelector('pre.source');
        const mark = source && source.querySelector('mark');
        if (mark) {
          const y = mark.offsetTop - source.offsetTop;
          if (y + mark.offsetHeight > source.clientHeight) source.scrollTop = y - 24;
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

    /// A small hand-written sheet: a compact one-line-per-card queue, and a card page in two columns that fits
    /// 1280×800 (source and evidence left, suggestion, candidates and decision right, the rest folded below).
    static let style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1b1f24; }
        header { display: flex; gap: 1rem; align-items: center; padding: .4rem 1rem; background: #12324a; color: #fff; }
        header a { color: #fff; } .brand { font-weight: 700; text-decoration: none; } .who { margin-left: auto; }
        main { padding: .75rem 1rem; max-width: 1248px; } table { border-collapse: collapse; margin: .5rem 0; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        tr.selected { background: #fff3c4; } pre { background: #f5f6f8; padding: .5rem; white-space: pre-wrap; max-width: 100%; margin: .25rem 0; }
        h1 { font-size: 1.35rem; margin: .25rem 0; } h2 { font-size: 1.1rem; margin: .25rem 0 .5rem; } h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
        .flag { background: #b3261e; color: #fff; padding: 0 .4rem; border-radius: 3px; font-size: .85em; } .error, .field-error { color: #b3261e; }
        .inline { display: inline; } kbd { border: 1px solid #aaa; padding: 0 .3rem; border-radius: 3px; font-size: .85em; }
        section { margin-top: .5rem; } .hint { color: #5f6368; } .decided { background: #e6f4ea; padding: .5rem; }
        .bulk { margin: .5rem 0; } mark { background: #fff1a8; color: inherit; } mark a { color: inherit; }
        .ruled-out { color: #b3261e; margin: .25rem 0; } tr.matched td { background: #e6f4ea; } :focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .85em; font-weight: 600; white-space: nowrap; }
        .conf-high { background: #e6f4ea; color: #0d5223; } .conf-medium { background: #fff4d6; color: #6b4b00; }
        .conf-low { background: #fde7e7; color: #8c1d18; } .conf-rule { background: #e8eef5; color: #12324a; } .held-by { background: #eef0f3; color: #333; }
        table.queue { width: 100%; table-layout: fixed; } .queue td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .queue .pick-col { width: 1.6rem; } .queue .age { width: 3.5rem; } .queue .kind { width: 8.5rem; } .queue .suggested { width: 17rem; }
        .queue th:nth-child(6) { width: 6rem; } .queue .money { width: 6.5rem; text-align: right; } .queue .held { width: 7rem; } .queue a.open { font-weight: 600; }
        .filters label { margin-right: .5rem; } .counts a { margin-right: .75rem; }
        .crumbs { margin: 0; } .card-head .meta { margin: .1rem 0 .5rem; }
        .split { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.25rem; align-items: start; }
        .pane { margin: 0; } .source-pane { position: sticky; top: .5rem; }
        pre.source { max-height: calc(100vh - 17rem); min-height: 4rem; overflow: auto; font: 13px/1.5 ui-monospace, monospace; }
        #source-text { font: 15px/1.55 system-ui, sans-serif; padding: .6rem .75rem; }
        .filters select { max-width: 11rem; } .bulk .hint { font-size: .9em; }
        .evidence { margin: .25rem 0; padding-left: 1.5rem; max-height: 6rem; overflow: auto; } .summary { margin: .5rem 0; }
        .suggested-action { font-size: 1.1rem; margin: .25rem 0; } .suggested-action .hint { font-size: .8rem; }
        table.fields { width: 100%; table-layout: fixed; margin: .25rem 0; } .fields th { width: 9rem; font-weight: 600; }
        .fields td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .candidates { border: 1px solid #ddd; border-radius: 4px; margin: .5rem 0; padding: .25rem .75rem; max-height: 13rem; overflow: auto; }
        .candidate { padding: .25rem 0; border-bottom: 1px solid #eee; } .candidate:last-child { border-bottom: 0; } details.lines summary { font-size: .85em; color: #5f6368; }
        .actions { position: sticky; bottom: 0; background: #fff; border-top: 2px solid #12324a; padding: .5rem 0; margin-top: .5rem; }
        .actions:has(details[open]) { position: static; } .actions form, .actions details { margin: .35rem 0; }
        button.primary { background: #12324a; color: #fff; border: 0; border-radius: 4px; padding: .35rem .8rem; font: inherit; font-weight: 600; cursor: pointer; }
        button.primary:disabled { background: #8c8c8c; } #accept { max-width: 100%; white-space: normal; text-align: left; }
        .params { border: 1px solid #ddd; border-radius: 4px; margin: .4rem 0; } .params[hidden] { display: none; }
        .field { display: grid; grid-template-columns: 8rem minmax(0, 1fr); gap: .15rem .5rem; align-items: start; margin: .25rem 0; }
        .field input, .field select, .field textarea { font: inherit; padding: .15rem .3rem; width: 100%; box-sizing: border-box; }
        .field .field-error { grid-column: 2; font-size: .9em; } .field.invalid input, .field.invalid textarea, .field.invalid select { border: 2px solid #b3261e; }
        .folded { margin-top: 1rem; } .folded details { margin: .35rem 0; } .folded summary { cursor: pointer; font-weight: 600; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; } .chart { background: #fff; border: 1px solid #eee; }
        @media (max-width: 900px) { .split { grid-template-columns: 1fr; } .source-pane { position: static; } }
        @media print { header, .actions { display: none; } .chart { break-inside: avoid; } }
        """
}
