// The web chat's Markdown: a small subset for replies and digests — **bold**, `code`, "> " quotes, "- " / "1. " lists.
// The text is HTML-escaped first and only these tags are added, so nothing a message contains can become markup.
window.ChatMarkdown = (() => {
  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function inline(s) {
    return escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`([^`]+)`/g, '<code>$1</code>');
  }
  function markdownHtml(src) {
    const out = [];
    let block = null, lines = [];
    const flush = () => {
      if (!block) return;
      if (block === 'p') out.push('<div class="p">' + lines.join('\n') + '</div>');
      else if (block === 'quote') out.push('<blockquote>' + lines.join('\n') + '</blockquote>');
      else out.push('<' + block + '>' + lines.map(l => '<li>' + l + '</li>').join('') + '</' + block + '>');
      block = null; lines = [];
    };
    for (const line of String(src).split('\n')) {
      let kind = 'p', body = line, m;
      if ((m = /^>\s?(.*)$/.exec(line))) { kind = 'quote'; body = m[1]; }
      else if ((m = /^[-*]\s+(.*)$/.exec(line))) { kind = 'ul'; body = m[1]; }
      else if ((m = /^\d+[.)]\s+(.*)$/.exec(line))) { kind = 'ol'; body = m[1]; }
      if (kind !== block) flush();
      block = kind;
      lines.push(inline(body));
    }
    flush();
    return out.join('');
  }
  function markdown(src) {
    const d = document.createElement('div');
    d.className = 'md';
    d.innerHTML = markdownHtml(src);
    return d;
  }
  return { html: markdownHtml, node: markdown };
})();
