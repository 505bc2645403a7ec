import type { Level } from "./status";

/** The three colours of the report (node fill and border, bar fill). */
export const LEVEL_COLOURS: Readonly<Record<Level, { readonly fill: string; readonly stroke: string; readonly bar: string }>> = {
  ok: { fill: "#e6f4ea", stroke: "#1e8e3e", bar: "#34a853" },
  tight: { fill: "#fef3d6", stroke: "#c26401", bar: "#f29900" },
  over: { fill: "#fce8e6", stroke: "#c5221f", bar: "#d93025" },
};

const levelRules = (Object.keys(LEVEL_COLOURS) as Level[])
  .map((l) => {
    const c = LEVEL_COLOURS[l];
    return (
      `.l-${l} rect{fill:${c.fill};stroke:${c.stroke}}` +
      `.bar.l-${l} .fill{background:${c.bar}}` +
      `.sw.l-${l}{background:${c.fill};border-color:${c.stroke}}` +
      `tr.l-${l} td:first-child{box-shadow:inset 4px 0 0 ${c.stroke}}`
    );
  })
  .join("\n");

/** All of the page's CSS: inline, system fonts only (the report must open offline). */
export const CSS = `
:root{color-scheme:light;--ink:#202124;--dim:#5f6368;--line:#dadce0;--bg:#f8f9fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:1360px;margin:0 auto;padding:20px 24px 40px}
h1{font-size:22px;margin:0 0 4px;font-weight:600}
h1 .file{font-weight:400;color:var(--dim);font-size:16px;margin-left:8px}
h2{font-size:17px;margin:28px 0 8px;font-weight:600}
.facts{margin:0;color:var(--dim)}
.verdict{display:inline-block;margin:10px 0 0;padding:4px 12px;border-radius:14px;font-weight:600}
.verdict.v-ok{background:${LEVEL_COLOURS.ok.fill};color:${LEVEL_COLOURS.ok.stroke}}
.verdict.v-warn{background:${LEVEL_COLOURS.tight.fill};color:${LEVEL_COLOURS.tight.stroke}}
.verdict.v-bad{background:${LEVEL_COLOURS.over.fill};color:${LEVEL_COLOURS.over.stroke}}
.note{background:var(--bg);border-left:4px solid var(--line);padding:8px 12px;margin:8px 0;color:var(--ink)}
td.rule{white-space:nowrap}
.mono,.obj,.rule,td.name{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:12.5px}
.closest{display:grid;grid-template-columns:minmax(200px,max-content) minmax(220px,max-content) minmax(320px,560px);gap:4px 16px;align-items:center}
#hierarchy-limits{margin-top:12px}
.closest .obj{white-space:nowrap}
.nb{white-space:nowrap}
.tag{display:inline-block;padding:0 6px;margin-left:2px;border:1px solid var(--line);border-radius:8px;font-size:11.5px;color:var(--ink);background:var(--bg)}
td.rule small{display:block;white-space:normal;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--dim);font-size:12px;max-width:260px}
.closest .bar .num{min-width:19ch;text-align:right}
.closest .what{color:var(--dim)}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:2px 8px;min-width:150px}
.bar .hr{flex-basis:100%;color:var(--dim);font-size:11.5px;white-space:nowrap}
.closest .bar .hr{flex-basis:auto}
.bar .track{flex:1 1 auto;min-width:60px;height:10px;background:#e8eaed;border-radius:5px;overflow:hidden}
.bar .fill{height:100%;min-width:2px;border-radius:5px}
.bar .fill.zero{min-width:0}
.bar .num{font-variant-numeric:tabular-nums;white-space:nowrap;font-size:12.5px;min-width:9ch}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;color:var(--dim);font-size:13px;margin:4px 0 8px}
.sw{display:inline-block;width:14px;height:14px;border:1.5px solid;border-radius:3px;vertical-align:-2px;margin-right:5px}
.sw.dashed{border-style:dashed;background:#fff;border-color:var(--dim)}
.scroll{overflow:auto;border:1px solid var(--line);border-radius:6px;background:#fff;max-height:none}
svg.diagram{display:block;font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:12px}
svg.diagram text{dominant-baseline:central;fill:var(--ink)}
svg.diagram .sub{fill:var(--dim)}
svg.diagram .pct{fill:var(--dim);font-size:11px}
svg.diagram rect{stroke-width:1.5}
svg.diagram .dashed rect{stroke-dasharray:4 3}
svg.diagram .chip text{font-size:11px}
svg.diagram .more{font-size:11px;fill:var(--dim)}
svg.diagram .edges{fill:none;stroke:#9aa0a6;stroke-width:1.2}
svg.diagram .beside{fill:none;stroke:#bdc1c6;stroke-width:1;stroke-dasharray:2 3}
svg.diagram .pull-arrow{fill:none;stroke:#1a56c4;stroke-width:1.3}
svg.diagram .pull-arrow.backup{stroke-dasharray:5 3}
svg.diagram marker path{fill:#1a56c4}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{background:var(--bg);font-weight:600;white-space:nowrap}
th small{display:block;font-weight:400;color:var(--dim);white-space:normal;max-width:170px}
td .bar{min-width:120px}
td .bar .track{flex:0 0 60px}
.table-scroll{overflow-x:auto}
@media print{.table-scroll{overflow:visible}table{font-size:11px}}
.sev{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.sev.error{background:${LEVEL_COLOURS.over.fill};color:${LEVEL_COLOURS.over.stroke}}
.sev.warning{background:${LEVEL_COLOURS.tight.fill};color:${LEVEL_COLOURS.tight.stroke}}
.sev.waived{background:#e8f0fe;color:#1a56c4}
tr.waived td{color:var(--dim)}
.reason{display:block;margin-top:4px;color:#1a56c4}
.where{color:var(--dim);font-size:12px}
.clean{color:${LEVEL_COLOURS.ok.stroke};font-weight:600}
footer{margin-top:32px;color:var(--dim);font-size:12px}
${levelRules}
`;
