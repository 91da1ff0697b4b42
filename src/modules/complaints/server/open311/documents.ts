// The GeoReport v2 documents, built as the spec's JSON (the XML is the same value through toXml). Field names and
// order follow the spec's tables; nothing here reads the database.
import { toPersianDigits } from '../../../../core/fa/index.js';
import type { CategoryQuestion } from '../../contract.js';
import type { PublicCategory } from '../categories.js';
import { w3cDateTime } from './format.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Sortable date of the last change to this API's documents (services and definitions change through the admin). */
export const CHANGESET = '2025-01-01 00:00';

/** The service discovery document (http://wiki.open311.org/Service_Discovery). */
export function discoveryDocument(endpointUrl: string, demo: boolean) {
  return {
    changeset: CHANGESET,
    contact: 'سازمان شهرداری‌ها و دهیاری‌های کشور — سامانه شهرده (پشتیبانی: واحد فناوری اطلاعات سازمان)',
    key_service: demo
      ? 'نسخه نمایشی: کلید API «demo» پذیرفته می‌شود. در نسخه اصلی، کلید را از واحد فناوری اطلاعات سازمان دریافت کنید.'
      : 'برای دریافت کلید API با واحد فناوری اطلاعات سازمان شهرداری‌ها و دهیاری‌های کشور مکاتبه کنید.',
    endpoints: [
      { specification: SPECIFICATION, url: endpointUrl, changeset: CHANGESET, type: demo ? 'test' : 'production', formats: ['text/xml', 'application/json'] },
    ],
  };
}

/** One entry of `services`: a leaf category. */
export function serviceDocument(c: PublicCategory, group: string) {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: c.questions.length > 0,
    type: 'realtime',
    // The spec's keywords are comma-separated; the categories keep them space-separated.
    keywords: c.keywords.split(/[\s,،]+/).filter(Boolean).join(', '),
    group,
  };
}

const DATATYPES: Record<CategoryQuestion['type'], string> = {
  text: 'string',
  number: 'number',
  select: 'singlevaluelist',
  boolean: 'singlevaluelist',
};
const DATATYPE_DESCRIPTIONS: Record<CategoryQuestion['type'], string> = {
  text: 'متن کوتاه (حداکثر ۵۰۰ نویسه)',
  number: 'عدد',
  select: 'یکی از گزینه‌ها',
  boolean: 'بله یا خیر',
};
const BOOLEAN_VALUES = [{ key: 'true', name: 'بله' }, { key: 'false', name: 'خیر' }];

/** The Open311 datatype a question is offered as (`attribute[code]` values are checked against it on POST). */
export const datatypeOf = (q: CategoryQuestion) => DATATYPES[q.type];

/** The service definition: the category's extra questions as attributes. */
export function serviceDefinitionDocument(c: PublicCategory) {
  return {
    service_code: c.code,
    attributes: c.questions.map((q, i) => ({
      variable: true,
      code: q.code,
      datatype: DATATYPES[q.type],
      required: q.required ?? false,
      datatype_description: DATATYPE_DESCRIPTIONS[q.type],
      order: i + 1,
      description: q.label,
      values: q.type === 'select' ? (q.options ?? []).map((o) => ({ key: o.value, name: o.label })) : q.type === 'boolean' ? BOOLEAN_VALUES : [],
    })),
  };
}

/** What a public service request shows: never the citizen's name, mobile or anything staff-only. */
export interface PublicRequest {
  trackingCode: string;
  open: boolean;
  stateTitle: string;
  serviceName: string;
  serviceCode: string;
  description: string;
  agency: string;
  slaDays: number;
  requestedAt: Date;
  updatedAt: Date;
  expectedAt: Date | null;
  address: string | null;
  addressId: string | null;
  lat: number | null;
  lon: number | null;
  mediaUrl: string | null;
}

/** The notice a request shows: who handles it and in how long. */
export function serviceNotice(agency: string, slaDays: number): string {
  return `رسیدگی توسط ${agency}؛ مهلت رسیدگی ${toPersianDigits(slaDays)} روز کاری پس از ارجاع.`;
}

/** One `request` of GET requests / GET requests/{id}. */
export function requestDocument(r: PublicRequest) {
  return {
    service_request_id: r.trackingCode,
    status: r.open ? 'open' : 'closed',
    status_notes: r.stateTitle,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.agency,
    service_notice: serviceNotice(r.agency, r.slaDays),
    requested_datetime: w3cDateTime(r.requestedAt),
    updated_datetime: w3cDateTime(r.updatedAt),
    expected_datetime: r.open ? w3cDateTime(r.expectedAt) : null,
    address: r.address,
    address_id: r.addressId,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: r.mediaUrl,
  };
}

/** One `request_update` of mySociety's servicerequestupdates extension. */
export interface PublicUpdate {
  updateId: string;
  trackingCode: string;
  open: boolean;
  at: Date;
  description: string;
}

export function updateDocument(u: PublicUpdate) {
  return {
    update_id: u.updateId,
    service_request_id: u.trackingCode,
    status: u.open ? 'open' : 'closed',
    updated_datetime: w3cDateTime(u.at),
    description: u.description,
    media_url: null,
  };
}
