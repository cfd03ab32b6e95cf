// The situation layer of the map page (inserted by geo/mapping/layers.py's SituationLayer).
// In scope: SM (the page data, JSON), map (the Leaflet map), group (the layer-control group).
// Strings in SM are escaped HTML (name, popup, meta, states' header and short text, claims,
// changes, texts); where plain text is needed (search, accessible names) it is decoded with
// unesc and only ever set with textContent, value or setAttribute.
SM.places.forEach(function (p) {   // fields left out of the page data when they hold their default
  p.text = p.text || p.name; p.aliases = p.aliases || []; p.dates = p.dates || []; p.undated = p.undated || 0;
  p.main = p.main || 0; p.claimed = p.claimed || 0; p.area = p.area || 0; p.first = p.first || ''; p.popup = p.popup || '';
});
var actors = SM.actors;
var days = SM.days;
var day = SM.last;
var markers = [];
var byId = {};
var narrow = window.matchMedia('(max-width: 600px)');
if (!map.options.maxZoom) map.options.maxZoom = 18;   // clustering needs it

// the inverse of geo/safe.py esc (html.escape and its five extra references), in one pass
var UNESC = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#92;': '\\', '&#96;': '`',
             '&#36;': '$', '&#123;': '{', '&#125;': '}'};
function unesc(s) {
  return s.indexOf('&') < 0 ? s : s.replace(/&(?:amp|lt|gt|quot|#x27|#92|#96|#36|#123|#125);/g, function (e) { return UNESC[e]; });
}
function h(s) { return String(s).replace(/[&<>"'`{}$\\]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
function colour(a) { return actors[a] ? actors[a][1] : '#888888'; }
function label(a) { return actors[a] ? actors[a][0] : h(a); }
function actorB(a) { return '<b style="color:' + colour(a) + '">' + label(a) + '</b>'; }
function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
function describe(key) {
  if (!key) return 'no claims';
  return key.indexOf('held:') === 0 ? 'held by ' + label(key.slice(5)) : h(key);
}
// A state row: [date, state, actors, confidence, since, outlets, sides, admissions, disputed,
// previous, previous date] (geo/mapping/page.py _state_row).
function stateHead(st) {
  var src = plural(st[5], 'outlet') + ', ' + plural(st[6], 'side') + (st[7] ? ', ' + plural(st[7], 'admission') : '');
  var since = ' since ' + h(st[4]), head;
  if (st[1] === 'held') {
    head = actorB(st[2][0]) + since + ' &#183; ' + src + ' &#183; ' + h(st[3]) + ' confidence';
    if (st[8]) head += ' &#183; disputed by ' + st[2].slice(1).map(label).join(', ');
  } else if (st[1] === 'contested') {
    head = '<b>Contested</b> (' + st[2].map(actorB).join(' / ') + ')' + since + ' &#183; ' + src;
  } else if (st[1] === 'presence') {
    head = st[2].map(actorB).join(' / ') + ' said to be there or closing in, no control claimed,' + since +
           ' &#183; ' + src;
  } else {
    head = '<b>Unclear</b>: ' + st[2].map(label).join(' / ') + ' said to have left,' + since + ' &#183; ' + src;
  }
  if (st[9]) head += ' &#183; before: ' + describe(st[9]) + ' (claims up to ' + h(st[10]) + ')';
  return head;
}
function stateShort(st) {
  if (st[1] === 'held') return 'held by ' + label(st[2][0]) + ' since ' + h(st[4]);
  if (st[1] === 'presence') return st[2].map(label).join(' / ') + ' present since ' + h(st[4]);
  return h(st[1]) + ' since ' + h(st[4]);
}

function stateOf(p) {
  var s = SM.states[p.id];
  if (!s) return null;
  if (!day) return s[s.length - 1];
  var lo = 0, hi = s.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (s[mid][0] <= day) lo = mid + 1; else hi = mid; }
  return lo ? s[lo - 1] : null;
}

function visible(p) { return !day || !p.first || p.first <= day; }

function articles(p) {   // articles naming the place up to the day shown
  if (!day) return p.n;
  var n = p.undated;
  p.dates.forEach(function (d) { if (d[0] <= day) n += d[1]; });
  return n;
}

function sizeOf(p) {
  var s = Math.min(22 + 4 * Math.max(articles(p) - 1, 0), 44);
  return p.area ? Math.min(s, 26) : s;
}

function circleStyle(st, p) {
  if (!st) return {cls: 'none', style: ''};   // one neutral colour: colour on this map means a force
  var a = st[2];
  if (st[1] === 'held') return {cls: 'held' + (st[3] === 'low' ? ' low' : ''), style: 'background:' + colour(a[0])};
  if (st[1] === 'contested') {
    return {cls: 'contested', style: 'background:conic-gradient(' + colour(a[0]) + ' 0 50%,' +
            (a.length > 1 ? colour(a[1]) : '#ffffff') + ' 50% 100%)'};
  }
  if (st[1] === 'presence') return {cls: 'presence', style: 'border-color:' + colour(a[0]) + ';color:' + colour(a[0])};
  return {cls: 'unclear', style: ''};
}

function iconHtml(p, st) {
  var c = circleStyle(st, p), size = sizeOf(p);
  return '<div class="gp ' + c.cls + (p.area ? ' area' : '') + '" style="width:' + size + 'px;height:' + size + 'px;' + c.style +
         '"><i class="fa fa-solid fa-' + p.icon + '"></i><b>' + articles(p) + '</b></div>' +
         (p.main ? '<span class="lbl">' + p.name + '</span>' : '');
}

function plainLabel(p, st) {
  var tmp = document.createElement('span');
  tmp.innerHTML = st ? stateShort(st) : 'no control claim';
  var n = articles(p);
  return unesc(p.text) + ', ' + tmp.textContent + ', ' + n + ' article' + (n === 1 ? '' : 's');
}

function accessible(m) {
  if (m._icon) {
    m._icon.setAttribute('aria-label', plainLabel(m.smPlace, stateOf(m.smPlace)));
    m._icon.removeAttribute('title');
  }
}

function hideLater(root) {
  root.querySelectorAll('[data-date]').forEach(function (el) {
    var d = el.getAttribute('data-date');
    if (day && d && d > day) el.remove();
  });
}

function popupContent(m) {
  var p = m.smPlace, st = stateOf(p);
  var root = document.createElement('div');
  root.className = 'pp';
  root.innerHTML = '<h4>' + p.name + '</h4><div class="st">' +
      (st ? stateHead(st) : '<span class="nost">No control claim' + (day ? ' up to ' + day : '') + '</span>') +
      '</div><div class="meta">' + p.meta + '</div><div class="list">' +
      (SM.claims[p.id] ? '<div class="sec">Control claims, newest first</div><div class="cl">' + SM.claims[p.id] + '</div>' :
       (SM.states[p.id] ? '<div class="sec">Control claims</div><div class="c more">left out of this page (too many ' +
                          'places): claims.geojson has every one</div>' : '')) +
      (p.popup ? '<div class="sec">Articles naming it, newest first</div>' + p.popup :
       (p.n ? '<div class="sec">Articles naming it</div><div class="art more">left out of this page (too many places): ' +
              'places.geojson has every mention</div>' : '')) + '</div>';
  hideLater(root);
  if (SM.claims[p.id] && !root.querySelector('.c')) {
    root.querySelector('.cl').innerHTML = '<div class="c">none up to this day</div>';
  }
  return root;
}

function popupOptions() {
  // the popup's frame adds about 50 px to its content width; keep 10 px clear on a phone
  var w = window.innerWidth, h = window.innerHeight, pad = narrow.matches ? 10 : 40;
  return {maxWidth: Math.min(440, w - 2 * pad - 56), minWidth: Math.min(260, w - 2 * pad - 56),
          maxHeight: Math.max(160, h * 0.55), autoPanPaddingTopLeft: [pad, narrow.matches ? 50 : 90],
          autoPanPaddingBottomRight: [pad, narrow.matches ? 70 : 30]};
}

function setIcon(m) {
  var p = m.smPlace, st = stateOf(p), html = iconHtml(p, st), size = sizeOf(p);
  if (html === m.feature.properties.icon) return;
  m.feature.properties.icon = html;
  m.feature.properties.articles = articles(p);
  m.setIcon(L.divIcon({html: html, className: 'gp-wrap', iconSize: [size, size],
                       iconAnchor: [size / 2, size / 2], popupAnchor: [0, -size / 2],
                       tooltipAnchor: [size / 2, 0]}));
  accessible(m);
}

function clusterIcon(cluster) {
  var ms = cluster.getAllChildMarkers(), top = ms[0], counts = {}, order = [];
  ms.forEach(function (m) {
    if ((m.smPlace.main || !m.smPlace.area) && (m.smPlace.rank < top.smPlace.rank || (top.smPlace.area && !m.smPlace.area))) top = m;
    var st = stateOf(m.smPlace);
    var k = !st ? '#ffffff' : st[1] === 'held' ? colour(st[2][0]) : st[1] === 'contested' ? '#444444' : '#bbbbbb';
    if (!(k in counts)) { counts[k] = 0; order.push(k); }
    counts[k] += 1;
  });
  var at = 0, stops = [];
  order.forEach(function (k) {
    var next = at + 100 * counts[k] / ms.length;
    stops.push(k + ' ' + at.toFixed(1) + '% ' + next.toFixed(1) + '%');
    at = next;
  });
  var html = '<div class="sm-cl" style="background:conic-gradient(' + stops.join(',') + ')"><span>' + ms.length +
             '</span></div>' + (top.smPlace.main ? '<span class="lbl">' + top.smPlace.name + ' +' + (ms.length - 1) + '</span>' : '');
  return L.divIcon({html: html, className: 'sm-cl-wrap', iconSize: [34, 34], iconAnchor: [17, 17]});
}

var UNCLUSTERED_ZOOM = 17;   // zoom from which no marker is clustered
var cluster = L.markerClusterGroup({maxClusterRadius: 26, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
                                    animate: false,
                                    disableClusteringAtZoom: UNCLUSTERED_ZOOM, iconCreateFunction: clusterIcon,
                                    zoomToBoundsOnClick: true});
cluster.on('animationend', function () { cluster.eachLayer(accessible); });

SM.places.forEach(function (p) {
  var m = L.marker([p.lat, p.lon], {keyboard: true, riseOnHover: true});
  m.smPlace = p;
  m.feature = {type: 'Feature', properties: {id: p.id, name: p.name, articles: p.n, icon: ''}};
  setIcon(m);
  m.bindPopup(popupContent, popupOptions());
  m.bindTooltip(function () {
    var st = stateOf(p);
    var n = articles(p);
    return '<b>' + p.name + '</b> &#183; ' + (st ? stateShort(st) : 'no control claim') + ' &#183; ' + n +
           ' article' + (n === 1 ? '' : 's');
  });
  m.on('add', function () { accessible(m); });
  markers.push(m);
  byId[p.id] = m;
});
cluster.addLayers(markers.filter(function (m) { return visible(m.smPlace); }));
group.addLayer(cluster);
map.smPlaces = cluster;
map.smPlaceMarkers = markers;

function openPlace(m) {
  if (!visible(m.smPlace)) setDay(days.length - 1);
  var shown = false;
  function show() {
    if (shown) return;
    shown = true;
    map.setView(m.getLatLng(), Math.max(map.getZoom(), 9), {animate: false});
    m.openPopup();
  }
  cluster.zoomToShowLayer(m, show);
  // right after the page loads the cluster group can miss the end of its own zoom and never call
  // back: then zoom in to where nothing is clustered, where the marker is on the map
  setTimeout(function () {
    if (shown) return;
    shown = true;
    map.setView(m.getLatLng(), Math.max(map.getZoom(), UNCLUSTERED_ZOOM), {animate: false});
    m.openPopup();
  }, 300);
}
map.smOpen = function (id) { if (byId[id]) openPlace(byId[id]); };

// Estimated areas of control and fronts (off by default; follow the day) ----------------------
var areaLayer = L.geoJSON(null, {
  style: function (f) {
    var c = f.properties.controller, contested = c === 'contested';
    return {color: contested ? '#333333' : colour(c), weight: 0.8, fillColor: contested ? '#555555' : colour(c),
            fillOpacity: f.properties.opacity, className: contested ? 'sm-area sm-hatch' : 'sm-area'};
  },
  onEachFeature: function (f, layer) { layer.bindPopup(f.properties.popup, popupOptions()); }
});
var frontLayer = L.geoJSON(null, {
  style: function () { return {color: '#111111', weight: 2.5, dashArray: '7 4', opacity: 0.9, className: 'sm-front'}; },
  onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.label, {sticky: true}); }
});
estimated.addLayer(areaLayer);
estimated.addLayer(frontLayer);
function renderAreas() {
  areaLayer.clearLayers();
  frontLayer.clearLayers();
  var note = document.getElementById('sm-areas-note');
  if (note) {
    note.hidden = !(SM.areasFrom && (!day || day < SM.areasFrom));
    note.textContent = 'Estimated areas are drawn from ' + SM.areasFrom + ' on (too many for this page); ' +
                       'areas.geojson has every day.';
  }
  SM.areas.forEach(function (a) {
    if (!day || (a[0] <= day && day <= a[1])) {
      areaLayer.addData({type: 'Feature', geometry: a[4], properties: {controller: a[2], opacity: a[3], popup: a[5]}});
    }
  });
  SM.fronts.forEach(function (f) {
    if (!day || (f[0] <= day && day <= f[1])) {
      frontLayer.addData({type: 'Feature', geometry: f[2], properties: {label: f[3]}});
    }
  });
}
map.getContainer().addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('.sm-area-places button[data-id]');
  if (b && byId[b.getAttribute('data-id')]) openPlace(byId[b.getAttribute('data-id')]);
});
map.smAreas = areaLayer;
map.smFronts = frontLayer;

// The day shown ----------------------------------------------------------------------------
function showDay() {
  document.querySelectorAll('.sm-day').forEach(function (el) { el.textContent = day || 'undated'; });
  var asof = document.getElementById('sm-asof');
  if (asof) asof.textContent = day || 'undated';
  var lab = document.getElementById('sm-claim-date-label');
  if (lab) lab.textContent = day;
}

function renderChanges() {
  var list = document.getElementById('sm-changes-list');
  if (!list) return;
  var todays = SM.changes.filter(function (c) { return c[0] === day; });
  var more = (SM.changesMore || {})[day] || 0;
  list.innerHTML = (todays.map(function (c) { return '<li>' + c[2] + '</li>'; }).join('') ||
      '<li class="nochange">no change of control claimed on this day</li>') +
      (more ? '<li class="nochange">&#8230; and ' + more + ' more, less claimed: every place\'s state by day ' +
              'is in control.geojson</li>' : '');
  document.getElementById('sm-changes-n').textContent = '(' + (todays.length + more) + ')';
}

function renderPrint() {
  var list = document.getElementById('sm-print-list');
  var rows = SM.places.filter(visible).map(function (p) { return [p, stateOf(p)]; })
      .filter(function (r) { return r[1]; })
      .sort(function (a, b) { return a[0].rank - b[0].rank; });
  list.innerHTML = rows.map(function (r) {
    return '<li><b>' + r[0].name + '</b>: ' + stateShort(r[1]) + '</li>';
  }).join('');
}

function setDay(i) {
  if (days.length) day = days[i];
  var slider = document.getElementById('sm-claim-date');
  if (slider && +slider.value !== i) slider.value = i;
  var add = [], remove = [];
  markers.forEach(function (m) {
    var on = cluster.hasLayer(m), want = visible(m.smPlace);
    if (want && !on) add.push(m);
    if (!want && on) remove.push(m);
  });
  if (remove.length) cluster.removeLayers(remove);
  if (add.length) cluster.addLayers(add);
  markers.forEach(setIcon);
  cluster.refreshClusters();
  map.closePopup();
  showDay();
  renderChanges();
  renderPrint();
  renderAreas();
}

var slider = document.getElementById('sm-claim-date');
if (slider) {
  slider.addEventListener('input', function () { setDay(+slider.value); });
  var ticks = document.getElementById('sm-ticks');
  var reported = {};
  SM.reportDays.forEach(function (d) { reported[d] = 1; });
  days.forEach(function (d) {
    var t = document.createElement('span');
    t.className = reported[d] ? 'r' : 'gap';
    t.title = d + (reported[d] ? '' : ': no report');
    ticks.appendChild(t);
  });
}
var changes = document.getElementById('sm-changes');
if (changes) {
  changes.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-id]');
    if (b) openPlace(byId[b.getAttribute('data-id')]);
  });
}
showDay();
renderChanges();
renderPrint();
renderAreas();

// A report's own text, read in the page -------------------------------------------------------
var reader = document.getElementById('sm-reader');
map.getContainer().addEventListener('click', function (e) {
  var a = e.target.closest && e.target.closest('a.sm-read');
  if (!a) return;
  e.preventDefault();
  var t = SM.texts[a.getAttribute('data-report')];
  document.getElementById('sm-reader-head').innerHTML = t ? t[0] + ' &#183; ' + (t[1] || 'undated') :
      'This report&#39;s text is not kept in the map (over its size limit): open the report file.';
  document.getElementById('sm-reader-text').innerHTML = t ? t[2] : '';   // escaped text (Python esc)
  reader.hidden = false;
  document.getElementById('sm-reader-close').focus();
});
document.getElementById('sm-reader-close').addEventListener('click', function () { reader.hidden = true; });
document.addEventListener('keydown', function (e) { if (e.key === 'Escape') reader.hidden = true; });
L.DomEvent.disableClickPropagation(reader);
L.DomEvent.disableScrollPropagation(reader);

// Search over names and aliases -------------------------------------------------------------
function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2019'`\-]/g, ' '); }
var index = SM.places.map(function (p) {
  var plain = [p.text].concat(p.aliases).map(unesc);
  return {p: p, plain: plain, keys: plain.map(fold)};
});
var Search = L.Control.extend({
  options: {position: 'topleft'},
  onAdd: function () {
    var box = L.DomUtil.create('div', 'leaflet-control leaflet-control-search sm-search');
    var input = L.DomUtil.create('input', 'search-input', box);
    input.type = 'search';
    input.placeholder = 'Search places';
    input.setAttribute('aria-label', 'Search places by name or other spelling');
    var tips = L.DomUtil.create('div', 'search-tooltip', box);
    tips.setAttribute('role', 'listbox');
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    function choose(r) { tips.innerHTML = ''; input.value = r.name; openPlace(byId[r.p.id]); }
    function matches() {
      var q = fold(input.value.trim());
      if (!q) return [];
      var out = [];
      index.forEach(function (e) {
        var k = e.keys.findIndex(function (key) { return key.indexOf(q) >= 0; });
        if (k >= 0) out.push({p: e.p, name: e.plain[0], alias: k > 0 ? e.plain[k] : '', start: e.keys[k].indexOf(q) === 0});
      });
      out.sort(function (a, b) { return (b.start - a.start) || (a.p.rank - b.p.rank); });
      return out.slice(0, 10);
    }
    input.addEventListener('input', function () {
      tips.innerHTML = '';
      matches().forEach(function (r) {
        var a = document.createElement('a');
        a.className = 'search-tip';
        a.href = '#';
        a.setAttribute('role', 'option');
        a.textContent = r.alias ? r.name + ' (' + r.alias + ')' : r.name;
        a.addEventListener('click', function (e) { e.preventDefault(); e.stopPropagation(); choose(r); });
        tips.appendChild(a);
      });
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); var r = matches(); if (r.length) choose(r[0]); }
      if (e.key === 'Escape') { tips.innerHTML = ''; }
    });
    return box;
  }
});
map.addControl(new Search());

// Phone and print ---------------------------------------------------------------------------
function fold_panels() {
  if (!narrow.matches) return;
  ['sm-legend', 'sm-changes'].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) el.open = false;
  });
  var lc = document.querySelector('.leaflet-control-layers');
  if (lc) lc.classList.remove('leaflet-control-layers-expanded');
}
fold_panels();
setTimeout(fold_panels, 0);   // the layer control is added after this script

var firstView = SM.bounds ? L.latLngBounds(SM.bounds) : null;
function framePrint(e) {
  if (e.matches === false) return;
  map.invalidateSize();
  if (firstView) map.fitBounds(firstView, {padding: [10, 10], animate: false});
}
window.matchMedia('print').addEventListener('change', framePrint);
window.addEventListener('beforeprint', function () { framePrint({}); });
