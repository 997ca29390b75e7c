"""The HTML page of a coverage report: one self-contained Jinja template with its CSS inline."""

from __future__ import annotations

from functools import cache

import jinja2

STYLE = """
:root { --ink:#1f2933; --muted:#52606d; --line:#d9e2ec; --paper:#ffffff; --wash:#f5f7fa;
  --covered:#e3f9e5; --covered-ink:#0e5a1f; --covered-edge:#57ae5b;
  --gap:#ffe3e3; --gap-ink:#8a041a; --gap-edge:#e12d39;
  --na:#eef2f6; --na-ink:#616e7c; --accent:#2f5dab;
  --conflict:#fff0d6; --conflict-ink:#7a4100; --conflict-edge:#e8890c;
  --excluded:#efe8ff; --excluded-ink:#44257a; --excluded-edge:#8662c7;
  --mentioned:#fffbe0; --mentioned-ink:#6b5500; --mentioned-edge:#d9b600; }
* { box-sizing: border-box; }
body { margin:0; background:var(--wash); color:var(--ink);
  font:16px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
header.page { background:#102a43; color:#f0f4f8; padding:22px 40px 18px; }
header.page h1 { margin:0 0 4px; font-size:26px; font-weight:600; letter-spacing:.2px; }
header.page p { margin:4px 0 0; max-width:1100px; color:#bcccdc; }
header.page .meta { font-size:13px; color:#9fb3c8; margin-top:10px; }
main { padding:18px 40px 40px; }
.legend { display:grid; grid-template-columns:repeat(3, minmax(0, 1fr)); gap:6px 22px; margin:0 0 14px;
  font-size:13px; color:var(--muted); }
.legend b { color:var(--ink); }
.key-conflicting { background:var(--conflict); border-color:var(--conflict-edge) !important; }
.key-excluded { background:var(--excluded); border-color:var(--excluded-edge) !important; }
.key-mentioned { background:var(--mentioned); border-color:var(--mentioned-edge) !important; }
.key-covered { background:var(--covered); border-color:var(--covered-edge) !important; }
.key-gap { background:var(--gap); border-color:var(--gap-edge) !important; }
.key-na { background:repeating-linear-gradient(135deg, var(--na), var(--na) 3px, #d5dce4 3px, #d5dce4 6px); }
.key-changed { box-shadow:inset 0 0 0 2px var(--accent); }
.legend span.key { display:inline-block; width:16px; height:16px; border-radius:3px; vertical-align:-3px;
  margin-right:6px; border:1px solid var(--line); }
section.spec { background:var(--paper); border:1px solid var(--line); border-radius:8px;
  padding:16px 20px 18px; margin:0 0 22px; box-shadow:0 1px 2px rgba(16,42,67,.06); }
section.spec h2 { margin:0; font-size:21px; }
section.spec h2 small { font-weight:400; color:var(--muted); font-size:14px; margin-left:10px; }
.counts { margin:6px 0 12px; font-size:14px; color:var(--muted); }
.counts b { font-weight:600; }
.counts .n-gap { color:var(--gap-ink); }
.counts .n-covered { color:var(--covered-ink); }
.counts .n-conflicting { color:var(--conflict-ink); }
.counts .n-excluded { color:var(--excluded-ink); }
.counts .n-mentioned { color:var(--mentioned-ink); }
table.matrix { border-collapse:separate; border-spacing:4px; width:100%; table-layout:fixed; }
table.matrix th { font-size:14px; font-weight:600; color:var(--ink); text-align:left; vertical-align:bottom;
  padding:6px 8px; }
table.matrix thead th { border-bottom:2px solid var(--line); }
table.matrix th.row { width:210px; vertical-align:middle; background:var(--wash); border-radius:4px; }
table.matrix th.row .spec-of { display:block; font-weight:400; font-size:12px; color:var(--muted); }
table.matrix td { border-radius:5px; padding:8px 9px; vertical-align:top; font-size:14px; height:58px; }
td.covered { background:var(--covered); border-left:4px solid var(--covered-edge); color:var(--covered-ink); }
td.gap { background:var(--gap); border-left:4px solid var(--gap-edge); color:var(--gap-ink); }
td.conflicting { background:var(--conflict); border-left:4px solid var(--conflict-edge);
  color:var(--conflict-ink); }
td.excluded { background:var(--excluded); border-left:4px solid var(--excluded-edge);
  color:var(--excluded-ink); }
td.mentioned { background:var(--mentioned); border-left:4px solid var(--mentioned-edge);
  color:var(--mentioned-ink); }
td.conflicting a.clause { color:var(--conflict-ink); border-color:var(--conflict-edge); }
td.excluded a.clause { color:var(--excluded-ink); border-color:var(--excluded-edge); }
td.mentioned a.clause { color:var(--mentioned-ink); border-color:var(--mentioned-edge); }
td.na { background:repeating-linear-gradient(135deg, var(--na), var(--na) 6px, #e6ebf0 6px, #e6ebf0 12px);
  color:var(--na-ink); border-left:4px solid #cbd2d9; }
td .status { font-weight:700; letter-spacing:.6px; font-size:13px; text-transform:uppercase; }
td.na .status sup { font-weight:600; color:var(--ink); letter-spacing:0; }
ol.reasons { margin:10px 0 0; padding-left:22px; font-size:13px; color:var(--na-ink);
  columns:2; column-gap:36px; }
ol.reasons li { margin:0 0 3px; break-inside:avoid; }
a.clause { display:inline-block; font:600 13px/1.2 Consolas, "DejaVu Sans Mono", monospace;
  color:var(--covered-ink); background:#fff; border:1px solid var(--covered-edge); border-radius:12px;
  padding:2px 8px; margin:0 4px 4px 0; text-decoration:none; }
a.clause:hover { background:var(--covered-edge); color:#fff; }
td.changed { box-shadow:inset 0 0 0 2px var(--accent); }
td .was { display:block; font-size:12px; color:var(--muted); margin-bottom:3px; }
td .was s { color:var(--gap-ink); }
.change-list { margin:12px 0 0; padding-left:20px; font-size:14px; }
h3.texts-of { font-size:16px; margin:18px 0 6px; color:var(--muted); font-weight:600; }
.clause-grid { display:grid; grid-template-columns:repeat(auto-fill, minmax(460px, 1fr)); gap:4px 24px; }
.clause-text { border-left:3px solid var(--line); margin:6px 0; padding:4px 0 4px 12px; }
.clause-text:target { border-left-color:var(--accent); background:#eaf2ff; }
.clause-text h4 { margin:0 0 2px; font:600 14px/1.3 Consolas, "DejaVu Sans Mono", monospace; }
.clause-text h4 .heading { font:400 13px/1.3 "Segoe UI", Arial, sans-serif; color:var(--muted);
  margin-left:8px; }
.clause-text p { margin:2px 0; font-size:14px; }
.clause-text p.depth-1 { margin-left:22px; }
.clause-text p.depth-2 { margin-left:44px; }
mark { background:#fff3c4; color:inherit; padding:0 1px; border-radius:2px; }
table.why { border-collapse:collapse; width:100%; font-size:14px; }
table.why th, table.why td { border-bottom:1px solid var(--line); text-align:left; padding:6px 8px;
  vertical-align:top; }
table.why td.verdict { white-space:nowrap; font-weight:600; }
table.why tr.covers td.verdict { color:var(--covered-ink); }
footer { color:var(--muted); font-size:12px; padding:0 40px 24px; }
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ style }}</style>
</head>
<body>
<header class="page">
  <h1>{{ title }}</h1>
  {% if description %}<p>{{ description }}</p>{% endif %}
  <div class="meta">Matrix <b>{{ matrix_name }}</b>
  {% if subject %}&middot; every cell is about {{ subject }}{% endif %}
  &middot; {{ specs_line }}</div>
</header>
<main>
<div class="legend">
  {% for key in legend %}
  <span><span class="key key-{{ key.css }}"></span><b>{{ key.state }}</b>: {{ key.text }}</span>
  {% endfor %}
  {% if comparing %}
  <span><span class="key key-changed"></span><b>changed</b>: differs between the two</span>{% endif %}
</div>
{% for block in blocks %}
<section class="spec" id="{{ block.anchor }}">
  <h2>{{ block.heading }}<small>{{ block.subheading }}</small></h2>
  <div class="counts">{% for count in block.counts %}
    <b class="n-{{ count.kind }}">{{ count.number }}</b> {{ count.label }}
    {% if not loop.last %}&middot;{% endif %}
  {% endfor %}</div>
  <table class="matrix">
    <thead><tr><th class="row"></th>{% for column in columns %}
      <th title="{{ column.description }}">{{ column.label }}</th>{% endfor %}</tr></thead>
    <tbody>
    {% for row in block.rows %}
      <tr><th class="row" title="{{ row.description }}">{{ row.label }}
        <span class="spec-of">{{ row.specs }}</span></th>
      {% for cell in row.cells %}<td class="{{ cell.css }}">
        {% if cell.was %}<span class="was">{{ cell.was }}</span>{% endif %}
        {% if cell.status not in ("covered", "gap", "n/a") %}
          <span class="status">{{ cell.status }}</span><br>{% endif %}
        {% if cell.links %}{% for link in cell.links %}
          <a class="clause" href="#{{ link.anchor }}" title="{{ link.title }}">{{ link.clause }}</a>
        {% endfor %}
        {% elif cell.status == "gap" %}<span class="status">Gap</span>
        {% else %}<span class="status" title="{{ cell.reason }}">n/a <sup>{{ cell.note }}</sup></span>
        {% endif %}
      </td>{% endfor %}</tr>
    {% endfor %}
    </tbody>
  </table>
  {% if block.reasons %}<ol class="reasons">
    {% for reason in block.reasons %}<li>{{ reason }}</li>{% endfor %}
  </ol>{% endif %}
  {% if block.changes %}<ul class="change-list">
    {% for change in block.changes %}<li>{{ change }}</li>{% endfor %}
  </ul>{% endif %}
</section>
{% endfor %}
{% set groups = blocks|map(attribute="excerpt_groups")|sum(start=[]) %}
{% if groups %}
<section class="spec texts">
  <h2>The clauses cited<small>each clause id above links here</small></h2>
  {% for group in groups %}
  <h3 class="texts-of">{{ group.heading }}</h3>
  <div class="clause-grid">
  {% for excerpt in group.excerpts %}
    <div class="clause-text" id="{{ excerpt.anchor }}">
      <h4>{{ excerpt.clause }}
        <span class="heading">{{ excerpt.heading }} &middot; line {{ excerpt.line }}</span></h4>
      {% for line in excerpt.lines %}<p class="depth-{{ line.depth }}">{{ line.html }}</p>{% endfor %}
    </div>
  {% endfor %}
  </div>
  {% endfor %}
</section>
{% endif %}
{% for why in whys %}
<section class="spec">
  <h2>{{ why.heading }}<small>{{ why.status }}</small></h2>
  <table class="why"><thead><tr><th>clause</th><th>verdict</th><th>why</th></tr></thead><tbody>
  {% for decision in why.decisions %}<tr class="{{ decision.css }}">
    <td>{{ decision.clause }}</td><td class="verdict">{{ decision.verdict }}</td>
    <td>{{ decision.reason }}</td>
  </tr>{% endfor %}
  </tbody></table>
  <p class="counts">{{ why.unrelated }} other clauses name neither the row nor the column.</p>
</section>
{% endfor %}
</main>
<footer>Made by spectool coverage from {{ specs_line }}. A cell is covered by an obligation ("shall",
"must", "shall not") whose actor, less any "other than" or "does not apply to", is the row's device and whose
action or conditions name the column{% if subject %} and the subject{% endif %}.</footer>
</body>
</html>
"""


@cache
def page_template() -> jinja2.Template:
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True)
    return environment.from_string(TEMPLATE)
