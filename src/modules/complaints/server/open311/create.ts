// POST requests: from a checked form to a complaint filed through the citizen side's own command.
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../../core/access/actor.js';
import type { Db, DbOrTx } from '../../../../core/db/client.js';
import { AppError } from '../../../../core/http/errors.js';
import type { Division } from '../../../../core/org/queries.js';
import { submitComplaint } from '../commands/submit.js';
import { complaints } from '../schema.js';
import { serviceNotice } from './documents.js';
import { field, parseAttributes, parseDescription, parseLocation, parseMediaUrl, parseName, parsePhone, type Form } from './form.js';
import { badRequest, notFound, Open311Error } from './format.js';
import type { ApiClient } from './keys.js';
import { M } from './messages.js';
import { distanceKm, insidePath, nearestPlace, PLACE_LEVELS, placeByCode } from './places.js';
import { agencyOf, MEDIA_URL_ANSWER, open311Category } from './queries.js';

/** How far (km) a point may lie from a city or village named as the jurisdiction and still be inside it. */
const JURISDICTION_PLACE_KM = 50;

/**
 * The city or village a request is filed at. With lat/long: the jurisdiction itself when it is a city or village
 * (the point must lie within 50 km of it when it has coordinates), else the nearest city or village inside the
 * jurisdiction (or the country). Without: `address_id` as a place's Statistical Centre code, or — with only an
 * `address_string` — the jurisdiction when it is a city or village.
 */
export async function resolvePlace(
  db: DbOrTx,
  form: Form,
  jurisdiction: Division | null,
): Promise<{ place: Division; lat?: number; lon?: number }> {
  const loc = parseLocation(form);
  const addressId = field(form, 'address_id', 40);
  const jurisdictionIsPlace = jurisdiction !== null && PLACE_LEVELS.includes(jurisdiction.level);
  if (loc) {
    if (jurisdictionIsPlace) {
      if (jurisdiction.lat != null && jurisdiction.lon != null && distanceKm(loc.lat, loc.lon, jurisdiction.lat, jurisdiction.lon) > JURISDICTION_PLACE_KM) {
        throw badRequest(M.outsideJurisdiction);
      }
      return { place: jurisdiction, ...loc };
    }
    const near = await nearestPlace(db, loc.lat, loc.lon, jurisdiction?.path);
    if (!near) throw badRequest(jurisdiction ? M.outsideJurisdiction : M.noPlaceNear);
    const { distanceKm: _km, ...place } = near;
    return { place, ...loc };
  }
  if (addressId !== undefined) {
    const place = await placeByCode(db, addressId);
    if (!place) throw badRequest(M.addressIdUnknown);
    if (jurisdiction && !insidePath(place.path, jurisdiction.path)) throw badRequest(M.outsideJurisdiction);
    return { place };
  }
  if (field(form, 'address_string', 300) !== undefined) {
    if (jurisdictionIsPlace) return { place: jurisdiction };
    throw badRequest(M.addressStringOnly);
  }
  throw badRequest(M.locationMissing);
}

/** The actor an Open311 client files as: the system, labelled with the key's name for the audit trail. */
export function open311Actor(client: ApiClient): Actor {
  return { id: null, kind: 'system', label: `open311:${client.name}`, grants: [] };
}

/** What POST requests answers. */
export interface Open311Created {
  trackingCode: string;
  serviceNotice: string;
  accountId: string | null;
}

/**
 * Files an Open311 request: checks the service, the place, the text and the attributes (each failure a spec
 * error naming the field), then calls the citizen side's `submitComplaint` with `source: 'open311'` and the key
 * as `apiClient`, which makes the tracking code, opens the case and — when `phone` is an Iranian mobile — queues
 * the SMS with the code. Errors the command raises for bad input become 400s.
 */
export async function createOpen311Request(db: Db, form: Form, client: ApiClient, jurisdiction: Division | null): Promise<Open311Created> {
  const serviceCode = field(form, 'service_code', 100);
  if (serviceCode === undefined) throw badRequest(M.serviceCodeMissing);
  const category = await open311Category(db, serviceCode);
  if (!category) throw notFound(M.serviceNotFound(serviceCode));

  const { place, lat, lon } = await resolvePlace(db, form, jurisdiction);
  const { subject, body } = parseDescription(form);
  const answers = parseAttributes(form, category.questions);
  const mediaUrl = parseMediaUrl(form);
  const name = parseName(form);
  const mobile = parsePhone(form);
  const address = field(form, 'address_string', 300);
  const accountId = field(form, 'account_id', 100) ?? null;
  // email and device_id are accepted and not kept: the platform reaches people by SMS only.

  try {
    const created = await db.transaction(async (tx) => {
      const c = await submitComplaint(
        tx,
        {
          kind: 'report', categoryId: category.id, divisionId: place.id, lat, lon, address, subject, body, answers, name,
          anonymous: false, documentIds: [], mobile: mobile ?? null,
        },
        { actor: open311Actor(client), source: 'open311', apiClient: client.id },
      );
      // The command keeps only answers to the category's questions; the client's media_url rides along under a
      // key no question can have, so staff see it with the answers and GET requests returns it.
      if (mediaUrl) {
        await tx.update(complaints).set({ answers: sql`${complaints.answers} || ${JSON.stringify({ [MEDIA_URL_ANSWER]: mediaUrl })}::jsonb` }).where(eq(complaints.id, c.id));
      }
      return c;
    });
    return { trackingCode: created.trackingCode, serviceNotice: serviceNotice(agencyOf(category.office, place), category.slaDays), accountId };
  } catch (e) {
    // The command's own checks (category, place, answers, mobile) answer 4xx AppErrors: the client's fault, a 400.
    if (e instanceof AppError && e.status >= 400 && e.status < 500) {
      const first = (e.extra?.errors as { message?: string }[] | undefined)?.[0]?.message;
      throw new Open311Error(400, first ?? e.detail ?? e.title);
    }
    throw e;
  }
}
