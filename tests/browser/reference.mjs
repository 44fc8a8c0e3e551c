// The reference case of issue #14, entered as a rheumatologist would with a
// mouse and keyboard, counting clicks and keystrokes: a 34-year-old woman
// whose last rituximab dose was on 15 Aug 2026, screened on 2 Dec 2026
// with no infusion date planned. The engine says: not yet eligible, from
// 16 Feb 2027 (E14: within 6 months of rituximab).
//
// Counting: a click on a radio, checkbox or button is 1; a select is 2
// (open, choose); typing into a field is 1 click to focus it and 1
// keystroke per character (a date is typed as its 8 digits). The page's
// one-click helpers ("Remaining domains: E", "No to every yes/no question
// still unanswered here") are used when the page has them, so the same
// script counts an older page without them.

/** The reference case's screening date. */
export const REFERENCE_SCREENING = '2026-12-02';

/** Enters the reference case; returns { clicks, keys }. */
export async function enterReferenceCase(page) {
  const n = { clicks: 0, keys: 0 };
  const q = (path) => `[data-path="${path}"]`;
  const click = async (selector) => {
    await page.locator(selector).first().click();
    n.clicks += 1;
  };
  const type = async (path, text, { date = false, counted = true } = {}) => {
    const field = page.locator(`input:not([type=radio]):not([type=checkbox])${q(path)}`).first();
    await field.click();
    await field.fill(text);
    await field.blur();
    if (counted) {
      n.clicks += 1;
      n.keys += date ? text.replace(/-/g, '').length : text.length;
    }
  };
  // A choice: radios (1 click) or a select (2).
  const choose = async (path, value) => {
    const select = page.locator(`select${q(path)}`);
    if ((await select.count()) > 0) {
      await select.first().selectOption(value);
      n.clicks += 2;
    } else {
      await click(`input[type=radio]${q(path)}[value="${value}"]`);
    }
  };
  const hasButton = async (words) => (await page.locator('[data-action="answer-rest"]', { hasText: words }).count()) > 0;

  // Dates: the screening date is today's by default (the reviewer's was
  // 2 Dec 2026); typed here so that the test does not depend on the clock,
  // and not counted.
  await type('screening_date', REFERENCE_SCREENING, { date: true, counted: false });
  // Patient
  await type('patient.birth_date', '1992-07-10', { date: true });
  await type('patient.weight_kg', '64');
  await choose('patient.sex', 'female');
  await choose('patient.pregnant', 'false');
  await choose('patient.breastfeeding', 'false');
  await choose('patient.childbearing_potential', 'true');
  await choose('patient.contraception_willing', 'true');
  // History
  for (const c of ['malar_rash', 'arthritis', 'immunologic_disorder', 'antinuclear_antibody']) {
    await click(`input[type=checkbox]${q('sle.acr_criteria')}[value="${c}"]`);
  }
  await choose('sle.ana.titer', '160');
  await type('sle.ana.date', '2026-10-20', { date: true });
  await choose('sle.anti_dsdna.positive', 'true');
  await type('sle.anti_dsdna.date', '2026-10-20', { date: true });
  // Activity: SLEDAI-2K by descriptors, 4 + 2 + 2 = 8
  for (const item of ['arthritis', 'low_complement', 'increased_dna_binding']) {
    await click(`input[type=checkbox]${q('sle.sledai.items')}[value="${item}"]`);
  }
  await choose('sle.bilag.musculoskeletal', 'B');
  await choose('sle.bilag.mucocutaneous', 'C');
  if (await hasButton('Remaining domains')) {
    await click('[data-action="answer-rest"]:has-text("Remaining domains")');
  } else {
    for (const d of ['constitutional', 'neuropsychiatric', 'cardiorespiratory', 'gastrointestinal', 'ophthalmic', 'renal', 'hematological']) {
      await choose(`sle.bilag.${d}`, 'E');
    }
  }
  await choose('sle.standard_of_care', 'true');
  // Labs
  await type('labs.egfr.value', '92');
  await type('labs.wbc.value', '5.1');
  await choose('labs.wbc.unit', '10^9/L');
  await type('labs.hemoglobin.value', '12.1');
  await choose('labs.hemoglobin.unit', 'g/dL');
  await type('labs.platelets.value', '230');
  await choose('labs.platelets.unit', '10^9/L');
  await type('labs.ast.value', '22');
  await type('labs.ast.uln', '40');
  await type('labs.alt.value', '18');
  await type('labs.alt.uln', '40');
  // Conditions: nothing but "no" and "none"
  if (await hasButton('No to every')) {
    await click('[data-action="answer-rest"]:has-text("No to every")');
  } else {
    for (const c of [
      'active_cns_lupus', 'nephritis_dialysis', 'hiv', 'hepatitis_b', 'hepatitis_c', 'tuberculosis',
      'cxr_tb_or_fungal', 'renal_transplant', 'significant_ekg_cxr', 'steroid_comorbidity', 'substance_abuse_current',
    ]) {
      await choose(`conditions.${c}`, 'false');
    }
  }
  await choose('conditions.malignancy', 'none');
  for (const e of ['herpes_zoster', 'serious_infection', 'substance_abuse_last']) {
    await choose(`conditions.${e}`, 'none');
  }
  // Medications: prednisone 10 mg; rituximab on 15 Aug 2026
  await choose('medications.corticosteroid', 'taking');
  await choose('medications.corticosteroid.drug', 'prednisone');
  await type('medications.corticosteroid.daily_mg', '10');
  for (const e of ['immunosuppressant_change', 'experimental_agent', 'belimumab']) {
    await choose(`medications.${e}`, 'none');
  }
  await choose('medications.b_cell_depletion', 'date');
  await type('medications.b_cell_depletion', '2026-08-15', { date: true });
  // Consent
  await choose('patient.consent', 'true');
  return n;
}
