// The board page (督导看板): reads /board/api/overview and draws it. Everything from the server
// goes in through textContent, never innerHTML. Its words are the message catalogue's
// (zh.board.page, src/text/zh-CN/board.ts), which the server writes into the page as JSON: ZH. ECharts (its "simple" build: bar and line charts,
// no tooltip or legend component) is served by the service itself; legends are HTML and every bar
// carries its value, so the page prints the same as it shows.
(() => {
  const $ = (id) => document.getElementById(id);
  const started = performance.now();
  const charts = new Set();
  const COLORS = { s1: '#2f6fde', s2: '#9db8ea', s3: '#2e9d5b', s4: '#c9ced6' };
  /** the catalogue's texts (a data block, not a script: the CSP stands) */
  const ZH = JSON.parse($('zh').textContent);
  /** a text with its {name} marks filled */
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(c);
    return node;
  }

  const pct = (r) => (r === null || r === undefined ? '—' : `${Math.round(r * 100)}%`);
  const md = (day) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
  const dayCn = (day) =>
    fill(ZH.day, { month: Number(day.slice(5, 7)), dayOfMonth: Number(day.slice(8, 10)) });

  function status(text, kind) {
    const s = $('status');
    s.textContent = text;
    s.className = `status ${kind || ''}`;
    s.hidden = !text;
  }

  async function getJson(url) {
    const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.status === 401) {
      // the session ended (expired, or the person was deactivated): the page says how to get a link
      location.href = '/board';
      throw new Error('unauthorized');
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error('api'), { userText: body?.error?.message || ZH.loadFailed });
    return body;
  }

  function fillRows(tbody, rows) {
    tbody.replaceChildren(...rows.map((cells) => el('tr', {}, cells)));
  }

  function chart(id, option) {
    const node = $(id);
    if (!window.echarts || !node) return;
    const c =
      window.echarts.getInstanceByDom(node) || window.echarts.init(node, null, { renderer: 'canvas' });
    c.setOption(option, true);
    charts.add(c);
  }

  const base = {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
  };

  function barChart(id, names, series, o = {}) {
    chart(id, {
      ...base,
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        max: o.max,
        axisLabel: { formatter: o.percent ? (v) => `${Math.round(v * 100)}%` : '{value}' },
      },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 84, overflow: 'truncate' } },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.data,
        itemStyle: { color: s.color },
        barMaxWidth: 14,
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          formatter: (p) => (o.percent ? (p.value === null ? '—' : pct(p.value)) : String(p.value)),
        },
      })),
    });
  }

  function renderOverview(d) {
    $('scope-name').textContent = d.scope.name;
    $('as-of').textContent = fill(ZH.asOf, {
      day: dayCn(d.date),
      moment: new Date(d.asOf).toLocaleString('zh-CN', { hour12: false }),
    });
    const t = d.total;
    $('chips').replaceChildren(
      el('li', { class: 'chip red', 'data-count': 'red' }, fill(ZH.chips.red, { n: t.red })),
      el('li', { class: 'chip yellow', 'data-count': 'yellow' }, fill(ZH.chips.yellow, { n: t.yellow })),
      el('li', { class: 'chip green', 'data-count': 'green' }, fill(ZH.chips.green, { n: t.green })),
      el('li', { class: 'chip', 'data-count': 'overdue' }, fill(ZH.chips.overdue, { n: t.overdue })),
      el('li', { class: 'chip', 'data-count': 'escalated' }, fill(ZH.chips.escalated, { n: t.escalated })),
    );
    const zoneWrap = $('zone-wrap');
    zoneWrap.hidden = d.zones.length === 0;
    const zoneCells = (name, z, attrs) => [
      el('th', { scope: 'row', ...attrs }, name),
      el('td', { 'data-col': 'open' }, String(z.open)),
      el('td', { 'data-col': 'overdue' }, String(z.overdue)),
      el('td', { 'data-col': 'escalated' }, String(z.escalated)),
      el('td', { 'data-col': 'dueSoon' }, String(z.dueSoon)),
    ];
    fillRows(
      $('zone-table').tBodies[0],
      d.zones.map((z) => zoneCells(z.zone.name, z, {})),
    );
    const foot = $('zone-table').tFoot;
    foot.replaceChildren(el('tr', { 'data-zone': '*' }, zoneCells(ZH.overview.total, t, {})));
    [...$('zone-table').tBodies[0].rows].forEach((r, i) => r.setAttribute('data-zone', d.zones[i].zone.id));

    const schoolBody = $('school-table').tBodies[0];
    schoolBody.replaceChildren(
      ...d.schools.map((s) =>
        el(
          'tr',
          { class: `row-${s.color}`, 'data-school': s.id, 'data-zone': s.zone },
          el(
            'th',
            { scope: 'row' },
            el('button', { type: 'button', class: 'link', 'data-open-school': s.id, text: s.name }),
          ),
          el('td', { 'data-col': 'color' }, el('span', { class: `dot ${s.color}` }), ZH.colors[s.color]),
          el('td', { 'data-col': 'open' }, String(s.open)),
          el('td', { 'data-col': 'overdue' }, String(s.overdue)),
          el('td', { 'data-col': 'escalated' }, String(s.escalated)),
        ),
      ),
    );

    const hasZones = d.zones.length > 0;
    $('sec-rates').hidden = !hasZones;
    $('sec-visits').hidden = d.supervisors.length === 0;
    if (hasZones) {
      const names = d.zones.map((z) => z.zone.name);
      barChart(
        'chart-closure',
        names,
        [
          { name: ZH.rates.closureThisMonth, data: d.zones.map((z) => z.closureRate), color: COLORS.s1 },
          {
            name: ZH.rates.closureLastMonth,
            data: d.zones.map((z) => z.lastMonth.closureRate),
            color: COLORS.s2,
          },
        ],
        { percent: true, max: 1 },
      );
      barChart(
        'chart-ontime',
        names,
        [
          { name: ZH.rates.onTimeThisMonth, data: d.zones.map((z) => z.onTimeRate), color: COLORS.s1 },
          {
            name: ZH.rates.onTimeLastMonth,
            data: d.zones.map((z) => z.lastMonth.onTimeRate),
            color: COLORS.s2,
          },
        ],
        { percent: true, max: 1 },
      );
      fillRows(
        $('rate-table').tBodies[0],
        d.zones.map((z) => [
          el('th', { scope: 'row' }, z.zone.name),
          el('td', {}, String(z.problemsThisMonth)),
          el('td', {}, String(z.closedThisMonth)),
          el('td', {}, pct(z.closureRate)),
          el('td', {}, pct(z.onTimeRate)),
          el('td', {}, pct(z.lastMonth.closureRate)),
          el('td', {}, pct(z.lastMonth.onTimeRate)),
        ]),
      );
    }

    chart('chart-weeks', {
      ...base,
      grid: { left: 8, right: 16, top: 20, bottom: 14, containLabel: true },
      xAxis: { type: 'category', data: d.weeks.map((w) => md(w.week)), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: ZH.weeks.openedSeries,
          data: d.weeks.map((w) => w.opened),
          itemStyle: { color: COLORS.s1 },
          // zeros unlabelled: the axis says it, and the labels would pile up on it
          label: { show: true, fontSize: 10, formatter: (p) => (p.value ? String(p.value) : '') },
        },
        {
          type: 'line',
          name: ZH.weeks.closedSeries,
          data: d.weeks.map((w) => w.closed),
          itemStyle: { color: COLORS.s3 },
          label: {
            show: true,
            position: 'bottom',
            fontSize: 10,
            formatter: (p) => (p.value ? String(p.value) : ''),
          },
        },
      ],
    });

    if (d.supervisors.length) {
      $('plan').textContent = d.plan.length
        ? fill(ZH.visits.plan, { text: d.plan.map((p) => p.content).join(ZH.planJoin) })
        : '';
      $('chart-visits').style.height = `${Math.max(160, d.supervisors.length * 44 + 24)}px`;
      barChart(
        'chart-visits',
        d.supervisors.map((s) => s.name),
        [
          { name: ZH.visits.doneSeries, data: d.supervisors.map((s) => s.visitsThisMonth), color: COLORS.s1 },
          { name: ZH.visits.plannedSeries, data: d.supervisors.map((s) => s.planned), color: COLORS.s4 },
        ],
      );
      fillRows(
        $('visit-table').tBodies[0],
        d.supervisors.map((s) => [
          el('th', { scope: 'row' }, s.name),
          el('td', { class: s.visitsThisMonth < s.planned ? 'short' : '' }, String(s.visitsThisMonth)),
          el('td', {}, String(s.planned)),
        ]),
      );
    }

    const list = (id, schools, withDate) =>
      $(id).replaceChildren(
        ...(schools.length
          ? schools.map((s) =>
              el(
                'li',
                { 'data-school': s.id },
                withDate ? fill(ZH.unvisited.lastVisit, { school: s.name, day: dayCn(s.lastVisit) }) : s.name,
              ),
            )
          : [el('li', { class: 'muted' }, ZH.unvisited.none)]),
      );
    list('over60', d.unvisited.over60, false);
    list('over30', d.unvisited.over30, true);
  }

  async function load(date) {
    status(ZH.loading);
    const url = `/board/api/overview${date ? `?date=${encodeURIComponent(date)}` : ''}`;
    try {
      const d = await getJson(url);
      $('board').hidden = false;
      $('date').value = d.date;
      renderOverview(d);
      for (const c of charts) c.resize();
      status('');
      document.body.dataset.renderMs = String(Math.round(performance.now() - started));
      document.body.dataset.ready = 'true';
    } catch (e) {
      if (e.message !== 'unauthorized') status(e.userText || ZH.loadFailed, 'error');
    }
  }

  async function openSchool(id) {
    status(ZH.loadingSchool);
    try {
      const d = await getJson(`/board/api/schools/${encodeURIComponent(id)}`);
      $('detail-title').textContent = d.school.name;
      $('detail-meta').textContent =
        `${d.school.zone.name}${d.school.supervisors.length ? fill(ZH.detail.supervisors, { names: d.school.supervisors.join(ZH.listJoin) }) : ''}`;
      $('detail-items').replaceChildren(
        ...(d.openItems.length
          ? d.openItems.map((it) =>
              el(
                'li',
                { class: `item row-${it.color}`, 'data-item': it.id },
                el('span', { class: `dot ${it.color}` }),
                el('strong', {}, it.id),
                ` ${it.text}`,
                el(
                  'span',
                  { class: 'meta' },
                  `${fill(ZH.detail.deadline, { status: it.statusName, day: dayCn(it.deadline) })}${it.escalated ? ZH.detail.escalated : ''}${it.extensionRequested ? ZH.detail.extensionRequested : ''}${fill(ZH.detail.supervisor, { name: it.supervisor })}`,
                ),
              ),
            )
          : [el('li', { class: 'muted' }, ZH.detail.noItems)]),
      );
      $('detail-records').replaceChildren(
        ...(d.records.length
          ? d.records.map((r) =>
              el(
                'li',
                { 'data-record': r.id },
                el('strong', {}, r.id),
                `${fill(ZH.detail.record, { day: dayCn(r.date), kind: r.kind })}${r.topic ? fill(ZH.detail.topic, { topic: r.topic }) : ''}${fill(ZH.detail.supervisor, { name: r.supervisor })}${fill(ZH.detail.problems, { n: r.problems })}`,
              ),
            )
          : [el('li', { class: 'muted' }, ZH.detail.noRecords)]),
      );
      $('board').hidden = true;
      $('detail').hidden = false;
      status('');
      $('detail-title').focus();
    } catch (e) {
      if (e.message !== 'unauthorized') status(e.userText || ZH.loadFailed, 'error');
    }
  }

  function closeSchool() {
    $('detail').hidden = true;
    $('board').hidden = false;
    for (const c of charts) c.resize();
  }

  document.addEventListener('click', (ev) => {
    const b = ev.target.closest?.('[data-open-school]');
    if (b) void openSchool(b.getAttribute('data-open-school'));
  });
  $('detail-close').addEventListener('click', closeSchool);
  $('print').addEventListener('click', () => window.print());
  $('date').addEventListener('change', (ev) => {
    const v = ev.target.value;
    if (!v) return;
    history.replaceState(null, '', `/board?date=${v}`);
    void load(v);
  });
  $('controls').addEventListener('submit', (ev) => ev.preventDefault());
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  window.addEventListener('beforeprint', () => charts.forEach((c) => c.resize()));

  const params = new URLSearchParams(location.search);
  const date = params.get('date');
  void load(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined);
})();
