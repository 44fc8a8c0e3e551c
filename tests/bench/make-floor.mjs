// Writes tests/bench/floor.html: the bench's floor page. It asks the same
// questions as the questionnaire (src/ui/sections/mod.rs and data.rs; the
// answer paths of the contract) as plain HTML inputs with the page's
// selectors (`data-path`, `data-section`, `data-control="sledai-mode"`,
// `data-sledai-total`, `data-verdict`), no stylesheet, no engine, and a few
// lines of vanilla JS that show the conditional blocks, add up the SLEDAI-2K
// total and set a verdict word (not_eligible when a yes/no exclusion is
// answered yes, else incomplete). It is what the page would cost with no
// framework and no engine: the bench prints our figures as ratios to it.
//
//   node tests/bench/make-floor.mjs            (rewrites floor.html next to it)
//
// Conditional blocks are in the DOM with `hidden` (the page leaves them out
// of the DOM instead); one static malignancy row stands for the page's rows.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const YES_NO = [['true', 'Yes'], ['false', 'No'], ['', 'Not known']];
const GRADES = [['A', 'A'], ['B', 'B'], ['C', 'C'], ['D', 'D'], ['E', 'E']];
const TITERS = [['0', 'Negative'], ...['40', '80', '160', '320', '640', '1280', '2560'].map((t) => [t, `1:${t}`])];
const STEROIDS = ['prednisone', 'prednisolone', 'methylprednisolone', 'triamcinolone', 'hydrocortisone', 'cortisone',
  'dexamethasone', 'betamethasone', 'deflazacort'].map((s) => [s, s]);
const MAINTENANCE = [['mycophenolate', 'Mycophenolate'], ['azathioprine', 'Azathioprine'], ['none', 'None']];
const MALIGNANCY_TYPES = [['basal_cell_skin', 'Basal cell skin'], ['squamous_cell_skin', 'Squamous cell skin'],
  ['cervical_cis', 'Cervical carcinoma in situ'], ['other', 'Other']];
const CREATININE_UNITS = [['mg/dL', 'mg/dL'], ['umol/L', 'µmol/L']];
const COUNT_UNITS = [['10^9/L', '×10⁹/L'], ['10^3/uL', '×10³/µL'], ['/uL', '/µL']];
const HB_UNITS = [['g/dL', 'g/dL'], ['g/L', 'g/L'], ['mmol/L', 'mmol/L']];
const ACR = ['malar_rash', 'discoid_rash', 'photosensitivity', 'oral_ulcers', 'arthritis', 'serositis', 'renal_disorder',
  'neurologic_disorder', 'hematologic_disorder', 'immunologic_disorder', 'antinuclear_antibody', 'none'];
/** SLEDAI-2K descriptors with their weights. */
const SLEDAI = [
  ...['seizure', 'psychosis', 'organic_brain_syndrome', 'visual_disturbance', 'cranial_nerve_disorder',
    'lupus_headache', 'cva', 'vasculitis'].map((w) => [w, 8]),
  ...['arthritis', 'myositis', 'urinary_casts', 'hematuria', 'proteinuria', 'pyuria'].map((w) => [w, 4]),
  ...['rash', 'alopecia', 'mucosal_ulcers', 'pleurisy', 'pericarditis', 'low_complement',
    'increased_dna_binding'].map((w) => [w, 2]),
  ...['fever', 'thrombocytopenia', 'leukopenia'].map((w) => [w, 1]),
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const id = (path) => `f-${path.replace(/[^A-Za-z0-9_]/g, '-')}`;
const words = (w) => w.replace(/_/g, ' ');

// Questions: each returns HTML.
const text = (path, label) =>
  `<p><label for="${id(path)}">${esc(label)}</label> <input type="text" inputmode="decimal" id="${id(path)}" name="${path}" data-path="${path}"></p>`;
const date = (path, label) =>
  `<p><label for="${id(path)}">${esc(label)}</label> <input type="date" id="${id(path)}" name="${path}" data-path="${path}"></p>`;
const select = (path, label, options) =>
  `<p><label for="${id(path)}">${esc(label)}</label> <select id="${id(path)}" name="${path}" data-path="${path}"><option value="">not known</option>${options
    .map(([v, t]) => `<option value="${esc(v)}">${esc(t)}</option>`)
    .join('')}</select></p>`;
const radio = (name, attr, v, t) =>
  `<label><input type="radio" name="${name}" ${attr} value="${esc(v)}">${esc(t)}</label>`;
const radios = (path, label, options = YES_NO) =>
  `<fieldset><legend>${esc(label)}</legend>${options.map(([v, t]) => radio(id(path), `data-path="${path}"`, v, t)).join(' ')}</fieldset>`;
const event = (path, label) =>
  `<fieldset><legend>${esc(label)}</legend>${[['none', 'None'], ['', 'Not known'], ['date', 'Yes, most recent on']]
    .map(([v, t]) => radio(id(path), `data-path="${path}"`, v, t))
    .join(' ')} <input type="date" aria-label="${esc(label)} – date" name="${path}#date" data-path="${path}"></fieldset>`;
const checks = (path, label, list) =>
  `<fieldset><legend>${esc(label)}</legend>${list
    .map(
      ([v, w]) =>
        `<label><input type="checkbox" data-path="${path}" value="${v}"${w ? ` data-w="${w}"` : ''}>${w ? `${w} ` : ''}${esc(words(v))}</label><br>`,
    )
    .join('')}</fieldset>`;
/** A block shown only while `gate` is open (see the script). */
const when = (gate, ...items) => `<div data-gate="${gate}" hidden>${items.join('')}</div>`;
const section = (key, title, items, gate) =>
  `<section data-section="${key}"${gate ? ` data-gate="${gate}" hidden` : ''}><h2>${esc(title)}</h2>${items.join('')}</section>`;
const lab = (name, label, units) => [text(`labs.${name}.value`, label), select(`labs.${name}.unit`, 'Unit', units)];

const BILAG = ['constitutional', 'mucocutaneous', 'neuropsychiatric', 'musculoskeletal', 'cardiorespiratory',
  'gastrointestinal', 'ophthalmic', 'renal', 'hematological'];
/** The yes/no questions that exclude when answered yes. */
const EXCLUDING = ['conditions.active_cns_lupus', 'conditions.nephritis_dialysis', 'conditions.hiv',
  'conditions.hepatitis_b', 'conditions.hepatitis_c', 'conditions.tuberculosis', 'conditions.cxr_tb_or_fungal',
  'conditions.renal_transplant', 'conditions.significant_ekg_cxr', 'conditions.steroid_comorbidity',
  'conditions.substance_abuse_current', 'patient.pregnant', 'patient.breastfeeding'];

const form = [
  section('dates', 'Dates', [date('screening_date', 'Screening date'), date('baseline_date', 'Planned baseline')]),
  section('patient', 'Patient', [
    date('patient.birth_date', 'Birth date'),
    text('patient.age_years', 'Or age (years)'),
    radios('patient.sex', 'Sex', [['female', 'Female'], ['male', 'Male'], ['', 'Not known']]),
    text('patient.weight_kg', 'Weight (kg)'),
  ]),
  section('history', 'SLE history', [
    checks('sle.acr_criteria', 'ACR criteria ever met', ACR.map((w) => [w, 0])),
    select('sle.ana.titer', 'ANA titer', TITERS),
    date('sle.ana.date', 'ANA test date'),
    radios('sle.anti_dsdna.positive', 'Anti-dsDNA positive'),
    date('sle.anti_dsdna.date', 'Anti-dsDNA test date'),
  ]),
  section('activity', 'Disease activity at screening', [
    `<fieldset><legend>Enter SLEDAI-2K as</legend>${radio('sledai-mode', 'data-control="sledai-mode"', 'items', 'Descriptors')} ${radio('sledai-mode', 'data-control="sledai-mode"', 'score', 'Total score')}</fieldset>`,
    when(
      'items',
      checks('sle.sledai.items', 'SLEDAI-2K descriptors present', SLEDAI),
      '<p>Running total: <strong data-sledai-total>0</strong></p>',
    ),
    when('score', text('sle.sledai.score', 'SLEDAI-2K score')),
    ...BILAG.map((d) => select(`sle.bilag.${d}`, `BILAG ${words(d)}`, GRADES)),
    radios('sle.standard_of_care', 'Active despite standard-of-care therapy?'),
  ]),
  section(
    'nephritis',
    'Nephritis therapy',
    [
      date('nephritis_therapy.start_date', 'Therapy started on'),
      text('nephritis_therapy.mycophenolate_months', 'Mycophenolate (months)'),
      text('nephritis_therapy.cyclophosphamide_months', 'Cyclophosphamide (months)'),
      select('nephritis_therapy.maintenance_after_cyclophosphamide', 'Maintenance after cyclophosphamide', MAINTENANCE),
    ],
    'renal',
  ),
  section('labs', 'Laboratory results', [
    text('labs.egfr.value', 'eGFR'),
    ...lab('creatinine', 'Serum creatinine', CREATININE_UNITS),
    ...lab('wbc', 'White blood cells', COUNT_UNITS),
    ...lab('hemoglobin', 'Hemoglobin', HB_UNITS),
    ...lab('platelets', 'Platelets', COUNT_UNITS),
    text('labs.ast.value', 'AST (U/L)'),
    text('labs.ast.uln', 'AST upper limit of normal'),
    text('labs.alt.value', 'ALT (U/L)'),
    text('labs.alt.uln', 'ALT upper limit of normal'),
  ]),
  section('conditions', 'Conditions and infections', [
    radios('conditions.active_cns_lupus', 'Active CNS lupus?'),
    radios('conditions.nephritis_dialysis', 'Nephritis requiring dialysis?'),
    radios('conditions.hiv', 'HIV positive?'),
    radios('conditions.hepatitis_b', 'Hepatitis B positive?'),
    radios('conditions.hepatitis_c', 'Hepatitis C positive?'),
    radios('conditions.tuberculosis', 'Tuberculosis positive?'),
    radios('conditions.cxr_tb_or_fungal', 'Chest X-ray: TB or fungal?'),
    radios('conditions.renal_transplant', 'Renal transplant?'),
    radios('conditions.significant_ekg_cxr', 'Significant EKG or chest X-ray changes?'),
    radios('conditions.steroid_comorbidity', 'Comorbidity requiring corticosteroids?'),
    radios('conditions.malignancy', 'Malignant neoplasm ever?', [['none', 'None'], ['', 'Not known'], ['list', 'Yes']]),
    when(
      'list',
      select('conditions.malignancy[0].type', 'Malignancy 1 – type', MALIGNANCY_TYPES),
      date('conditions.malignancy[0].date', 'Diagnosis or last treatment'),
      radios('conditions.malignancy[0].adequately_treated', 'Adequately treated?'),
    ),
    event('conditions.herpes_zoster', 'Herpes zoster'),
    event('conditions.serious_infection', 'Serious infection'),
    radios('conditions.substance_abuse_current', 'Current substance abuse?'),
    event('conditions.substance_abuse_last', 'Substance abuse in the past'),
  ]),
  section('medications', 'Medications', [
    radios('medications.corticosteroid', 'Corticosteroid in the month before baseline?', [
      ['none', 'None'],
      ['', 'Not known'],
      ['taking', 'Yes'],
    ]),
    when(
      'taking',
      select('medications.corticosteroid.drug', 'Drug', STEROIDS),
      text('medications.corticosteroid.daily_mg', 'Highest daily dose (mg/day)'),
    ),
    event('medications.immunosuppressant_change', 'Immunosuppressant change'),
    event('medications.experimental_agent', 'Experimental agent'),
    event('medications.belimumab', 'Belimumab'),
    event('medications.b_cell_depletion', 'B-cell depleting biologic'),
  ]),
  section(
    'reproductive',
    'Pregnancy and contraception',
    [
      radios('patient.childbearing_potential', 'Childbearing potential?'),
      radios('patient.pregnant', 'Pregnant?'),
      radios('patient.breastfeeding', 'Breastfeeding?'),
      when('potential', radios('patient.contraception_willing', 'Willing to use contraception?')),
    ],
    'female',
  ),
  section('consent', 'Consent', [radios('patient.consent', 'Able and willing to give informed consent?')]),
];

// The page's few lines of JS: gates, SLEDAI-2K total, verdict word.
const script = `
const f = document.getElementById('qform'), out = document.getElementById('verdict');
const EXCLUDING = ${JSON.stringify(EXCLUDING)};
const v = (p) => (f.querySelector('[data-path="' + p + '"]:checked') || f.querySelector('select[data-path="' + p + '"]') || {}).value || '';
function update() {
  const mode = (f.querySelector('[data-control=sledai-mode]:checked') || {}).value || 'items';
  const open = { female: v('patient.sex') === 'female', potential: v('patient.childbearing_potential') === 'true',
    renal: /^[AB]$/.test(v('sle.bilag.renal')), items: mode === 'items', score: mode === 'score',
    list: v('conditions.malignancy') === 'list', taking: v('medications.corticosteroid') === 'taking' };
  for (const el of f.querySelectorAll('[data-gate]')) el.hidden = !open[el.dataset.gate];
  let total = 0;
  for (const c of f.querySelectorAll('[data-path="sle.sledai.items"]:checked')) total += +c.dataset.w;
  f.querySelector('[data-sledai-total]').textContent = total;
  const word = EXCLUDING.some((p) => v(p) === 'true') ? 'not_eligible' : 'incomplete';
  out.innerHTML = 'Verdict: <code data-verdict="' + word + '">' + word + '</code>';
}
f.addEventListener('input', update);
f.addEventListener('change', update);
update();
`;

const html = `<!DOCTYPE html>
<!-- Generated by tests/bench/make-floor.mjs: edit that and re-run it. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor page (bench)</title>
</head>
<body>
<h1>MiSLE pre-screening (floor page for the bench)</h1>
<p id="verdict" aria-live="polite"></p>
<form id="qform" novalidate>
${form.join('\n')}
</form>
<script>${script}</script>
</body>
</html>
`;

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'floor.html'), html);
const inputs = (html.match(/<(input|select)\b/g) ?? []).length;
process.stdout.write(`wrote ${join(here, 'floor.html')} (${html.length} bytes, ${inputs} inputs and selects)\n`);
