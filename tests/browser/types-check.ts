// Type check of the engine module's declarations (engine/misle_engine.d.ts of
// the release build). engine.test.mjs copies this file next to a copy of the
// built `engine/` and runs `tsc --noEmit --strict` on it: a portal written in
// TypeScript must be able to write the contract example as `Answers`, read a
// `Report`, and be stopped when a field has the wrong type.
import init, {
  answers_from_fhir,
  answers_from_questionnaire_response,
  evaluate,
  questionnaire,
  to_questionnaire_response,
  version,
} from './engine/misle_engine.js';
import type {
  Answers,
  CheckerMessage,
  FhirBundle,
  HostMessage,
  MessageId,
  Prefill,
  Questionnaire,
  QuestionnaireResponse,
  Report,
  Version,
} from './engine/misle_engine.js';

// The contract example (tests/data/contract-example.json), every section.
export const sample: Answers = {
  schema: 'misle-answers/1',
  screening_date: '2026-11-26',
  baseline_date: '2026-12-20',
  patient: {
    birth_date: '1980-05-01',
    age_years: 46,
    sex: 'female',
    weight_kg: 70.5,
    childbearing_potential: true,
    pregnant: false,
    breastfeeding: false,
    contraception_willing: true,
    consent: true,
  },
  sle: {
    acr_criteria: ['malar_rash', 'arthritis', 'immunologic_disorder', 'antinuclear_antibody'],
    ana: { titer: 160, date: '2026-10-01' },
    anti_dsdna: { positive: true, date: '2026-10-01' },
    sledai: { score: 8 },
    bilag: { musculoskeletal: 'B', renal: 'D' },
    standard_of_care: true,
  },
  nephritis_therapy: {
    start_date: '2026-01-10',
    mycophenolate_months: 7,
    cyclophosphamide_months: 0,
    maintenance_after_cyclophosphamide: 'none',
  },
  labs: {
    egfr: { value: 85 },
    creatinine: { value: 1.0, unit: 'mg/dL' },
    wbc: { value: 4.5, unit: '10^9/L' },
    hemoglobin: { value: 11.2, unit: 'g/dL' },
    platelets: { value: 210, unit: '10^9/L' },
    ast: { value: 30, uln: 40 },
    alt: { value: 25, uln: 40 },
  },
  conditions: {
    active_cns_lupus: false,
    nephritis_dialysis: false,
    hiv: false,
    hepatitis_b: false,
    hepatitis_c: false,
    tuberculosis: false,
    cxr_tb_or_fungal: false,
    renal_transplant: false,
    significant_ekg_cxr: false,
    steroid_comorbidity: false,
    malignancy: [{ type: 'basal_cell_skin', date: '2023-02-01', adequately_treated: true }],
    herpes_zoster: 'none',
    serious_infection: '2026-08-01',
    substance_abuse_current: false,
    substance_abuse_last: 'none',
  },
  medications: {
    corticosteroid: { drug: 'prednisone', daily_mg: 20 },
    immunosuppressant_change: '2026-09-15',
    experimental_agent: 'none',
    belimumab: 'none',
    b_cell_depletion: '2026-07-01',
  },
};

// Wrong field types must not compile. If the declarations decay to `any` or
// lose these fields, the @ts-expect-error lines themselves become errors.
// @ts-expect-error weight_kg is a number, not a string
export const wrongWeight: Answers = { patient: { weight_kg: 'heavy' } };
// @ts-expect-error sex is "female" | "male"
export const wrongSex: Answers = { patient: { sex: 'f' } };
// @ts-expect-error unknown fields are not part of Answers
export const unknownField: Answers = { patient: { height_cm: 170 } };

/** Reads a report the way a portal would; every access is typed. */
export function summarize(report: Report): string {
  const verdict: 'potentially_eligible' | 'not_yet_eligible' | 'incomplete' | 'not_eligible' = report.verdict;
  const from: string | null = report.eligible_from;
  const failing: string[] = report.criteria
    .filter((c) => c.outcome === 'fail' || c.outcome === 'unknown')
    .map((c) => `${c.id} (${c.kind}) ${c.outcome}: ${c.reason} ${c.clears_on ?? ''} [${c.missing.join(', ')}]`);
  const egfr: number | null = report.derived.egfr;
  const errors: string[] = report.errors.map((e) => `${e.path}: ${e.message}`);
  // @ts-expect-error the verdict is one of four words, never a number
  const wrongVerdict: number = report.verdict;
  void wrongVerdict;
  return [verdict, from ?? '', egfr ?? '', ...failing, ...errors].join('\n');
}

/** The functions' signatures: evaluate(Answers) -> Report, version() -> Version, init() a promise. */
export async function use(): Promise<string> {
  await init();
  const v: Version = version();
  const schemas: ['misle-answers/1', 'misle-report/1'] = [v.answers_schema, v.report_schema];
  const pkg: string = v.package;
  const report: Report = evaluate(sample);
  // @ts-expect-error evaluate takes Answers, not a number
  evaluate(42);
  return `${pkg} ${schemas.join(' ')} ${summarize(report)}`;
}

/** The FHIR functions: questionnaire, responses both ways, a Bundle's prefill. */
export function fhir(bundle: FhirBundle): string {
  const q: Questionnaire = questionnaire();
  const url: string = q.url;
  const linkIds: string[] = q.item.flatMap((group) => (group.item ?? []).map((item) => item.linkId));
  const response: QuestionnaireResponse = to_questionnaire_response(sample);
  const status: string = response.status;
  const back: Answers = answers_from_questionnaire_response(response);
  const prefill: Prefill = answers_from_fhir(bundle, '2026-11-26');
  // the screening date may be left out (today)
  const today: Prefill = answers_from_fhir(bundle);
  const alsoToday: Prefill = answers_from_fhir(bundle, undefined);
  void alsoToday;
  // what a Bundle does not say is null, as the module writes it, never undefined
  const noDate: Prefill['sources'][number]['date'] = null;
  const noId: Prefill['unused'][number]['id'] = null;
  // @ts-expect-error a source without a date has null, not undefined
  const undefinedDate: Prefill['sources'][number]['date'] = undefined;
  void [noDate, noId, undefinedDate];
  const paths: string[] = prefill.sources.map((s) => `${s.path} ${s.resource_type} ${s.id ?? ''} ${s.date ?? ''} ${s.code}`);
  const reasons: string[] = today.unused.map((u) => `${u.resource_type} ${u.id ?? ''}: ${u.reason}`);
  // @ts-expect-error a Bundle is an object, not text
  answers_from_fhir('{"resourceType":"Bundle"}', '2026-11-26');
  // @ts-expect-error a response is not an answers document
  answers_from_questionnaire_response(sample);
  return [url, ...linkIds, status, String(back.schema), ...paths, ...reasons].join('\n');
}

/** A portal's postMessage handler for the embedded page, typed by the declarations. */
export function onMessage(data: CheckerMessage, reply: (m: HostMessage) => void, bundle: FhirBundle): string {
  switch (data.type) {
    case 'misle:ready':
      reply({ type: 'misle:prefill', answers: sample, id: 'p-1' });
      reply({ type: 'misle:prefill-fhir', bundle, id: 2 });
      reply({ type: 'misle:prefill', answers: to_questionnaire_response(sample) });
      // @ts-expect-error a Bundle is sent with misle:prefill-fhir, as `bundle`
      reply({ type: 'misle:prefill', bundle });
      // @ts-expect-error an id is a string or a number
      reply({ type: 'misle:prefill', answers: sample, id: { n: 1 } });
      return data.version.package;
    case 'misle:report': {
      const id: MessageId | undefined = data.in_reply_to;
      const verdict: Report['verdict'] = data.report.verdict;
      return `${verdict} ${id ?? ''}`;
    }
    case 'misle:resize':
      return String(data.height);
    case 'misle:error':
      return `${data.message} ${data.in_reply_to ?? ''}`;
    default: {
      // every message type is handled above
      const never: never = data;
      return never;
    }
  }
}
