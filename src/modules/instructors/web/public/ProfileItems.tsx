// The list sections of the profile form (ProfileForm.tsx): education, teaching, experience, publications and
// certificates, each row with its evidence uploads.
import type { FieldView } from '../../api-types.js';
import { DEGREE_TITLES, DEGREES, PUBLICATION_KIND_TITLES, PUBLICATION_KINDS } from '../../enums.js';
import { pfa } from './fa-profile.js';
import { emptyRow, LIST_MAX, type Errors, type FormState, type ListKey } from './profile-form-state.js';
import { NumberField, RowDocs, Rows, Section, TextField } from './ProfileParts.js';
import { described, Field, Select } from './ui.js';

type Row<K extends ListKey> = FormState[K][number];

export interface ListProps {
  state: FormState;
  errors: Errors;
  fields: FieldView[];
  /** change a list (rows added, removed or edited) from its latest value */
  updateList: <K extends ListKey>(key: K, fn: (rows: Row<K>[]) => Row<K>[]) => void;
  /** an upload of a row started or ended */
  setBusy: (rowId: string, busy: boolean) => void;
}

/** Edit one row of list `key` through `patch`, keeping the rest. */
function editor<K extends ListKey>(p: ListProps, key: K) {
  const rows = p.state[key] as Row<K>[];
  return {
    rows,
    patch: (i: number, change: Partial<Row<K>>) => p.updateList(key, (list) => list.map((r, j) => (j === i ? { ...r, ...change } : r))),
    add: () => p.updateList(key, (list) => [...list, emptyRow[key]() as Row<K>]),
    remove: (i: number) => {
      p.setBusy(rows[i]!.id, false);
      p.updateList(key, (list) => list.filter((_, j) => j !== i));
    },
    docs: (i: number, r: Row<K>, optional: boolean) => (
      <RowDocs
        id={`${key}.${i}.documents`}
        documents={r.documents}
        onChange={(ids) => p.updateList(key, (list) => (list.some((x) => x.id === r.id && x.documents.join(',') !== ids.join(',')) ? list.map((x) => (x.id === r.id ? { ...x, documents: ids } : x)) : list))}
        onBusy={(b) => p.setBusy(r.id, b)}
        error={p.errors[`${key}.${i}.documents`]}
        optional={optional}
      />
    ),
  };
}

function FieldOptions({ fields }: { fields: FieldView[] }) {
  return (
    <>
      {fields.map((f) => (
        <option key={f.key} value={f.key}>
          {f.title}
        </option>
      ))}
    </>
  );
}

export function EducationSection(p: ListProps) {
  const ed = editor(p, 'education');
  const e = p.errors;
  return (
    <Section id="sec-education" title={pfa.education.title} intro={pfa.education.intro}>
      <Rows name="education" rows={ed.rows} max={LIST_MAX.education} onAdd={ed.add} onRemove={ed.remove} error={e.education}>
        {(r, i) => (
          <>
            <div className="cx-row cx-row-2">
              <Select id={`education.${i}.degree`} label={pfa.education.degree} error={e[`education.${i}.degree`]} value={r.degree} onChange={(v) => ed.patch(i, { degree: v as typeof r.degree })}>
                {DEGREES.map((d) => (
                  <option key={d} value={d}>
                    {DEGREE_TITLES[d]}
                  </option>
                ))}
              </Select>
              <TextField id={`education.${i}.field`} label={pfa.education.field} maxLength={100} value={r.field} error={e[`education.${i}.field`]} onChange={(v) => ed.patch(i, { field: v })} />
              <TextField id={`education.${i}.university`} label={pfa.education.university} value={r.university} error={e[`education.${i}.university`]} onChange={(v) => ed.patch(i, { university: v })} />
              <NumberField id={`education.${i}.year`} label={pfa.education.year} value={r.year} error={e[`education.${i}.year`]} onChange={(v) => ed.patch(i, { year: v })} />
            </div>
            {ed.docs(i, r, false)}
          </>
        )}
      </Rows>
    </Section>
  );
}

export function TeachingSection(p: ListProps) {
  const ed = editor(p, 'teaching');
  const e = p.errors;
  return (
    <Section id="sec-teaching" title={pfa.teaching.title} intro={pfa.teaching.intro}>
      <Rows name="teaching" rows={ed.rows} max={LIST_MAX.teaching} onAdd={ed.add} onRemove={ed.remove} error={e.teaching}>
        {(r, i) => (
          <>
            <div className="cx-row cx-row-2">
              <TextField id={`teaching.${i}.course`} label={pfa.teaching.course} value={r.course} error={e[`teaching.${i}.course`]} onChange={(v) => ed.patch(i, { course: v })} />
              <TextField id={`teaching.${i}.organization`} label={pfa.teaching.organization} value={r.organization} error={e[`teaching.${i}.organization`]} onChange={(v) => ed.patch(i, { organization: v })} />
              <Select id={`teaching.${i}.field`} label={pfa.teaching.field} error={e[`teaching.${i}.field`]} value={r.field} onChange={(v) => ed.patch(i, { field: v })} loading={p.fields.length === 0}>
                <FieldOptions fields={p.fields} />
              </Select>
              <div className="cx-row cx-row-2 ins-pair">
                <NumberField id={`teaching.${i}.hours`} label={pfa.teaching.hours} value={r.hours} error={e[`teaching.${i}.hours`]} onChange={(v) => ed.patch(i, { hours: v })} />
                <NumberField id={`teaching.${i}.year`} label={pfa.rows.year} value={r.year} error={e[`teaching.${i}.year`]} onChange={(v) => ed.patch(i, { year: v })} />
              </div>
            </div>
            {ed.docs(i, r, true)}
          </>
        )}
      </Rows>
    </Section>
  );
}

export function ExperienceSection(p: ListProps) {
  const ed = editor(p, 'experience');
  const e = p.errors;
  return (
    <Section id="sec-experience" title={pfa.experience.title} intro={pfa.experience.intro}>
      <Rows name="experience" rows={ed.rows} max={LIST_MAX.experience} onAdd={ed.add} onRemove={ed.remove} error={e.experience}>
        {(r, i) => (
          <>
            <div className="cx-row cx-row-2">
              <TextField id={`experience.${i}.organization`} label={pfa.experience.organization} value={r.organization} error={e[`experience.${i}.organization`]} onChange={(v) => ed.patch(i, { organization: v })} />
              <TextField id={`experience.${i}.title`} label={pfa.experience.jobTitle} value={r.title} error={e[`experience.${i}.title`]} onChange={(v) => ed.patch(i, { title: v })} />
              <NumberField id={`experience.${i}.fromYear`} label={pfa.experience.fromYear} value={r.fromYear} error={e[`experience.${i}.fromYear`]} onChange={(v) => ed.patch(i, { fromYear: v })} />
              <NumberField id={`experience.${i}.toYear`} label={pfa.experience.toYear} hint={pfa.experience.toYearHint} optional value={r.toYear} error={e[`experience.${i}.toYear`]} onChange={(v) => ed.patch(i, { toYear: v })} />
            </div>
            {ed.docs(i, r, true)}
          </>
        )}
      </Rows>
    </Section>
  );
}

export function PublicationsSection(p: ListProps) {
  const ed = editor(p, 'publications');
  const e = p.errors;
  return (
    <Section id="sec-publications" title={pfa.publications.title} intro={pfa.publications.intro}>
      <Rows name="publications" rows={ed.rows} max={LIST_MAX.publications} onAdd={ed.add} onRemove={ed.remove} error={e.publications}>
        {(r, i) => (
          <>
            <div className="cx-row cx-row-2">
              <Select id={`publications.${i}.kind`} label={pfa.publications.kind} error={e[`publications.${i}.kind`]} value={r.kind} onChange={(v) => ed.patch(i, { kind: v as typeof r.kind })}>
                {PUBLICATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {PUBLICATION_KIND_TITLES[k]}
                  </option>
                ))}
              </Select>
              <TextField id={`publications.${i}.title`} label={pfa.publications.titleLabel} maxLength={300} value={r.title} error={e[`publications.${i}.title`]} onChange={(v) => ed.patch(i, { title: v })} />
              <TextField id={`publications.${i}.publisher`} label={pfa.publications.publisher} optional maxLength={200} value={r.publisher} error={e[`publications.${i}.publisher`]} onChange={(v) => ed.patch(i, { publisher: v })} />
              <NumberField id={`publications.${i}.year`} label={pfa.rows.year} value={r.year} error={e[`publications.${i}.year`]} onChange={(v) => ed.patch(i, { year: v })} />
              <Field id={`publications.${i}.field`} label={pfa.publications.field} error={e[`publications.${i}.field`]}>
                <select {...described(`publications.${i}.field`, false, e[`publications.${i}.field`])} className="cx-select" value={r.field} onChange={(ev) => ed.patch(i, { field: ev.currentTarget.value })}>
                  <option value="">{pfa.publications.general}</option>
                  <FieldOptions fields={p.fields} />
                </select>
              </Field>
            </div>
            {ed.docs(i, r, true)}
          </>
        )}
      </Rows>
    </Section>
  );
}

export function CertificatesSection(p: ListProps) {
  const ed = editor(p, 'certificates');
  const e = p.errors;
  return (
    <Section id="sec-certificates" title={pfa.certificates.title} intro={pfa.certificates.intro}>
      <Rows name="certificates" rows={ed.rows} max={LIST_MAX.certificates} onAdd={ed.add} onRemove={ed.remove} error={e.certificates}>
        {(r, i) => (
          <>
            <div className="cx-row cx-row-3">
              <TextField id={`certificates.${i}.title`} label={pfa.certificates.titleLabel} maxLength={200} value={r.title} error={e[`certificates.${i}.title`]} onChange={(v) => ed.patch(i, { title: v })} />
              <TextField id={`certificates.${i}.issuer`} label={pfa.certificates.issuer} value={r.issuer} error={e[`certificates.${i}.issuer`]} onChange={(v) => ed.patch(i, { issuer: v })} />
              <NumberField id={`certificates.${i}.year`} label={pfa.rows.year} value={r.year} error={e[`certificates.${i}.year`]} onChange={(v) => ed.patch(i, { year: v })} />
            </div>
            {ed.docs(i, r, true)}
          </>
        )}
      </Rows>
    </Section>
  );
}
