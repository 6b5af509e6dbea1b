// The web chat page's behaviour: users, messages, cards, the greeting, polling for pushes, the 导入线索 upload.
(() => {
  const log = document.getElementById('log');
  const userSel = document.getElementById('user');
  const custom = document.getElementById('custom');
  const text = document.getElementById('text');
  const upload = document.getElementById('upload');
  const fileInput = document.getElementById('file');
  const key = new URLSearchParams(location.search).get('key');
  const headers = { 'Content-Type': 'application/json' };
  if (key) headers['X-LocalChat-Key'] = key;

  const currentUser = () => custom.value.trim() || userSel.value;
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/-/g, '');

  function add(cls, node) {
    const row = document.createElement('div');
    row.className = 'msg ' + cls;
    row.appendChild(node);
    log.appendChild(row);
    row.scrollIntoView({ block: 'end' });
    return row;
  }

  function sys(msg) {
    const d = document.createElement('div');
    d.className = 'sys';
    d.textContent = msg;
    log.appendChild(d);
  }

  function greet(g) {
    if (!g.known) {
      const n = document.createElement('div');
      n.className = 'notice';
      n.textContent = '⚠️ ' + g.text.split('\n')[0];
      log.appendChild(n);
    }
    const bubble = document.createElement('div');
    bubble.className = 'bubble greeting';
    bubble.appendChild(ChatMarkdown.node(g.known ? g.text : g.text.split('\n').slice(1).join('\n')));
    const bar = document.createElement('div');
    bar.className = 'examples';
    for (const ex of g.examples) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = ex;
      b.addEventListener('click', () => say(ex));
      bar.appendChild(b);
    }
    bubble.appendChild(bar);
    add('bot', bubble);
    upload.hidden = !g.canImport;
  }

  function renderCard(card) {
    const box = document.createElement('div');
    box.className = 'card';
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = card.title;
    box.appendChild(title);
    if (card.subtitle) {
      const s = document.createElement('div');
      s.className = 'subtitle';
      s.textContent = card.subtitle;
      box.appendChild(s);
    }
    if (card.fields && card.fields.length) {
      const t = document.createElement('table');
      for (const f of card.fields) {
        const tr = t.insertRow();
        tr.insertCell().textContent = f.label;
        tr.insertCell().textContent = f.value;
      }
      box.appendChild(t);
    }
    if (card.lines && card.lines.length) {
      const l = document.createElement('div');
      l.className = 'lines';
      l.textContent = card.lines.join('\n');
      box.appendChild(l);
    }
    if (card.outcome) {
      const o = document.createElement('div');
      o.className = 'outcome';
      o.textContent = card.outcome;
      box.appendChild(o);
    }
    if (card.actions && card.actions.length) {
      const bar = document.createElement('div');
      bar.className = 'actions';
      for (const a of card.actions) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = a.title;
        if (a.style === 1 || a.style === 'Primary') b.className = 'primary';
        if (a.style === 2 || a.style === 'Danger') b.className = 'danger';
        b.disabled = !!card.outcome;
        b.addEventListener('click', () => press(a, bar));
        bar.appendChild(b);
      }
      box.appendChild(bar);
    }
    return box;
  }

  function showReply(r, cls) {
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    // A card's own text is shown by the card; only show the text when it says more than the card title.
    if (!r.card || !r.text.includes(r.card.title)) bubble.appendChild(ChatMarkdown.node(r.text));
    if (r.card) bubble.appendChild(renderCard(r.card));
    for (const img of r.images || []) {
      const i = document.createElement('img');
      i.src = 'data:image/png;base64,' + img;
      i.alt = '图表';
      bubble.appendChild(i);
    }
    if (r.files && r.files.length) {
      const f = document.createElement('div');
      f.className = 'files';
      for (const file of r.files) {
        const a = document.createElement('a');
        a.href = file.url + (key ? (file.url.includes('?') ? '&' : '?') + 'key=' + encodeURIComponent(key) : '');
        a.textContent = '⬇ ' + file.name;
        a.setAttribute('download', '');
        f.appendChild(a);
      }
      bubble.appendChild(f);
    }
    add(cls || 'bot', bubble);
  }

  async function post(body) {
    try {
      const res = await fetch('/api/chat', { method: 'POST', headers, body: JSON.stringify(body) });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) { sys(data.error || ('请求失败：' + res.status)); return; }
      for (const r of data.replies) showReply(r);
    } catch (e) {
      sys('连接不上机器人：' + e.message);
    }
  }

  async function press(action, bar) {
    for (const b of bar.querySelectorAll('button')) b.disabled = true;
    const me = document.createElement('div');
    me.className = 'bubble';
    me.textContent = '【' + action.title + '】';
    add('me', me);
    await post({ user: currentUser(), id: newId(), action: { id: action.id, payload: action.payload } });
    if (action.id === 'cmd') for (const b of bar.querySelectorAll('button')) b.disabled = false;
  }

  async function say(msg) {
    const me = document.createElement('div');
    me.className = 'bubble';
    me.textContent = msg;
    add('me', me);
    await post({ user: currentUser(), id: newId(), text: msg });
  }

  document.getElementById('send').addEventListener('submit', async (e) => {
    e.preventDefault();
    const msg = text.value.trim();
    if (!msg) return;
    text.value = '';
    await say(msg);
  });

  // 📎: the file goes to /api/chat/import with "导入线索 [负责人]" from the box (or just 导入线索).
  upload.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    if (!file) return;
    const typed = text.value.trim();
    const command = /^(导入线索|import leads)/i.test(typed) ? typed : '导入线索';
    text.value = '';
    fileInput.value = '';
    const me = document.createElement('div');
    me.className = 'bubble';
    me.textContent = '📎 ' + file.name + ' · ' + command;
    add('me', me);
    const form = new FormData();
    form.append('user', currentUser());
    form.append('text', command);
    form.append('file', file);
    const uploadHeaders = key ? { 'X-LocalChat-Key': key } : {};
    try {
      const res = await fetch('/api/chat/import', { method: 'POST', headers: uploadHeaders, body: form });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) { sys(data.error || ('上传失败：' + res.status)); return; }
      for (const r of data.replies) showReply(r);
    } catch (e) {
      sys('上传失败：' + e.message);
    }
  });

  async function poll() {
    const user = currentUser();
    if (!user) return;
    try {
      const res = await fetch('/api/chat/inbox?user=' + encodeURIComponent(user), { headers });
      if (!res.ok) return;
      const data = await res.json();
      for (const r of data.replies) showReply(r, 'bot push');
    } catch { /* the bot may be restarting; try again on the next tick */ }
  }

  async function switched() {
    log.innerHTML = '';
    const user = currentUser();
    sys('当前身份：' + user + '。发送“帮助”查看命令。');
    upload.hidden = true;
    try {
      const res = await fetch('/api/chat/hello?user=' + encodeURIComponent(user), { headers });
      if (res.ok && user === currentUser()) greet(await res.json());
    } catch { /* the greeting is a nicety; chatting still works */ }
    poll();
  }

  userSel.addEventListener('change', switched);
  custom.addEventListener('change', switched);

  fetch('/api/chat/users', { headers }).then(r => r.json()).then(users => {
    for (const u of users) {
      const o = document.createElement('option');
      o.value = u.id;
      o.textContent = `${u.name}（${u.role}${u.department ? ' · ' + u.department : ''}）`;
      userSel.appendChild(o);
    }
    switched();
    setInterval(poll, 3000);
  }).catch(() => sys('无法加载用户列表。'));
})();
