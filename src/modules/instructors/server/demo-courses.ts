// The demo's courses: Mazandaran's training unit (the demo `training.unit` account) plans, holds, closes and cancels
// courses taught by the demo instructors; the national unit (the demo `expert.training` account) runs online
// courses. Trainees rate through the course's link with their codes and the organizer evaluates, through the
// module's own commands; then the dates move back to the story's days (so the rating trend spans the year).
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { CourseCreate, type EvaluationInput } from '../contract.js';
import type { CourseMode, CourseState, EvaluationItem, RatingItem } from '../enums.js';
import { assignInstructor, cancelCourse, closeCourse, markHeld } from './course-steps.js';
import { createCourse } from './courses.js';
import type { DemoStaff } from './demo.js';
import { evaluateAssignment, submitRatings } from './ratings.js';
import { instAssignments, instCourses, instRatings, instTraineeCodes } from './schema.js';

const DAY = 86_400_000;

interface DemoCourse {
  title: string;
  field: string;
  /** Mazandaran (the demo province) in person, or a national online course */
  where: 'mazandaran' | 'national';
  mode: CourseMode;
  place: string;
  /** first day, days from now (negative: past) */
  start: number;
  length: number;
  hours: number;
  trainees: number;
  description: string;
  /** demo instructors' mobiles */
  instructors: string[];
  state: CourseState;
  /** trainees' `overall` ratings of each instructor, in order (held and closed courses) */
  overall?: number[];
  evaluation?: { scores: Record<EvaluationItem, number>; comment: string };
  cancelReason?: string;
}

const COURSES: DemoCourse[] = [
  {
    title: 'شهرداری الکترونیک و خدمات برخط به شهروندان', field: 'it', where: 'national', mode: 'online', place: 'سامانه آموزش مجازی سازمان شهرداری‌ها و دهیاری‌ها',
    start: -400, length: 3, hours: 12, trainees: 40, description: 'ویژه کارشناسان فناوری اطلاعات شهرداری‌های کوچک و متوسط.',
    instructors: ['09000000204'], state: 'closed', overall: [4, 4, 5, 3, 4, 4, 5, 4],
    evaluation: { scores: { content: 4, delivery: 4, punctuality: 5, materials: 3 }, comment: 'محتوا کاربردی بود؛ جزوه دوره نیاز به به‌روزرسانی دارد.' },
  },
  {
    title: 'بودجه‌ریزی عملیاتی در شهرداری‌های کوچک', field: 'municipal_finance', where: 'mazandaran', mode: 'in_person', place: 'ساری، مرکز آموزش شهرداری‌های استان مازندران',
    start: -300, length: 3, hours: 24, trainees: 20, description: 'ویژه معاونان مالی و کارشناسان بودجه شهرداری‌های زیر ۵۰ هزار نفر جمعیت.',
    instructors: ['09000000200'], state: 'closed', overall: [5, 5, 4, 5, 4, 5, 5, 4, 5, 3],
    evaluation: { scores: { content: 5, delivery: 5, punctuality: 5, materials: 4 }, comment: 'تسلط کامل بر موضوع و مثال‌های واقعی از شهرداری‌های استان.' },
  },
  {
    title: 'آمادگی دهیاری‌ها در برابر سیلاب', field: 'crisis_management', where: 'mazandaran', mode: 'in_person', place: 'قائم‌شهر، سالن اجتماعات فرمانداری',
    start: -110, length: 2, hours: 16, trainees: 18, description: 'مانور دورمیزی و برنامه واکنش اضطراری برای دهیاران روستاهای حاشیه رودخانه.',
    instructors: ['09000000201'], state: 'closed', overall: [4, 5, 4, 4, 5, 3, 4],
    evaluation: { scores: { content: 4, delivery: 5, punctuality: 4, materials: 4 }, comment: 'تمرین عملی مانور بسیار مؤثر بود.' },
  },
  {
    title: 'طرح هادی روستایی و نقش دهیاری در اجرای آن', field: 'rural_development', where: 'national', mode: 'online', place: 'سامانه آموزش مجازی سازمان شهرداری‌ها و دهیاری‌ها',
    start: -45, length: 5, hours: 20, trainees: 60, description: 'دوره برخط سراسری ویژه دهیاران تازه‌منصوب.',
    instructors: ['09000000202'], state: 'closed', overall: [5, 4, 5, 5, 4, 4, 5, 5, 3, 4, 5, 4],
    evaluation: { scores: { content: 5, delivery: 4, punctuality: 5, materials: 5 }, comment: 'منابع دوره کامل بود؛ پاسخ به پرسش‌ها در جلسات برخط کوتاه بود.' },
  },
  {
    title: 'اطفای حریق در بافت روستایی برای دهیاران', field: 'fire_safety', where: 'mazandaran', mode: 'in_person', place: 'ساری، ایستگاه شماره ۲ آتش‌نشانی',
    start: -12, length: 2, hours: 16, trainees: 25, description: 'آموزش نظری و عملی اطفای حریق و کار با خاموش‌کننده برای دهیاران و آتش‌نشانان داوطلب.',
    instructors: ['09000000201'], state: 'held', overall: [5, 5, 4, 5, 4],
    evaluation: { scores: { content: 5, delivery: 5, punctuality: 4, materials: 4 }, comment: 'بخش عملی دوره با تجهیزات ایستگاه به خوبی اجرا شد.' },
  },
  {
    title: 'درآمدهای پایدار و وصول عوارض محلی', field: 'municipal_finance', where: 'mazandaran', mode: 'in_person', place: 'بابل، سالن شورای اسلامی شهر',
    start: -6, length: 2, hours: 12, trainees: 22, description: 'ویژه کارشناسان درآمد شهرداری‌ها و دهیاری‌های استان.',
    instructors: ['09000000200'], state: 'held', overall: [4, 5, 3],
  },
  {
    title: 'تهیه برنامه مدیریت بحران روستا', field: 'crisis_management', where: 'mazandaran', mode: 'in_person', place: 'ساری، مرکز آموزش شهرداری‌های استان مازندران',
    start: 18, length: 3, hours: 24, trainees: 20, description: 'شناسایی مخاطرات، نقشه خطر روستا و برنامه واکنش اضطراری؛ ویژه دهیاران و اعضای شوراهای روستا.',
    instructors: ['09000000201'], state: 'planned',
  },
  {
    title: 'ایمنی کارگاه‌های عمرانی روستایی', field: 'fire_safety', where: 'mazandaran', mode: 'in_person', place: 'آمل، مرکز آموزش هلال احمر',
    start: 40, length: 2, hours: 12, trainees: 30, description: 'ایمنی کار در ارتفاع، گودبرداری و پیشگیری از حریق در کارگاه‌های دهیاری‌ها.',
    instructors: ['09000000201'], state: 'cancelled', cancelReason: 'هم‌زمانی با مانور استانی مدیریت بحران؛ دوره در نیمه دوم سال دوباره برنامه‌ریزی می‌شود.',
  },
  {
    title: 'مبانی برنامه‌ریزی شهری برای اعضای شوراهای اسلامی', field: 'urban_planning', where: 'national', mode: 'online', place: 'سامانه آموزش مجازی سازمان شهرداری‌ها و دهیاری‌ها',
    start: 25, length: 2, hours: 8, trainees: 80, description: 'طرح جامع و تفصیلی، کمیسیون ماده ۵ و نقش شورا در تصویب طرح‌ها.',
    instructors: ['09000000202', '09000000211'], state: 'planned',
  },
];

const COMMENTS = ['مثال‌های کاربردی از شهرداری‌ها و روستاهای استان بسیار مفید بود.', '', 'زمان بخش عملی کم بود.', '', 'جزوه دوره کامل و به‌روز بود.', '', 'پاسخ به پرسش‌ها دقیق و حوصله‌مند بود.'];

/** A trainee's ratings around his `overall` (knowledge a notch up now and then, usefulness a notch down). */
function traineeScores(overall: number, k: number): Record<RatingItem, number> {
  const clamp = (n: number) => Math.max(1, Math.min(5, n));
  return { overall, knowledge: clamp(overall + (k % 3 === 0 ? 1 : 0)), delivery: clamp(overall - (k % 4 === 1 ? 1 : 0)), usefulness: clamp(overall - (k % 5 === 2 ? 1 : 0)) };
}

const jalaliIn = (now: number, days: number) => jalaliFromDbDate(dbDateOf(new Date(now + days * DAY)));
const at = (now: number, days: number, minutes = 0) => new Date(dbDateOf(new Date(now + days * DAY)).getTime() + 5.5 * 3_600_000 + minutes * 60_000);

/** Runs one course through its life with the organizer's account, then dates it back. */
async function seedCourse(tx: Tx, staff: DemoStaff, mazandaran: number, profiles: Map<string, number>, now: number, d: DemoCourse): Promise<void> {
  const organizer = d.where === 'mazandaran' ? staff['training.unit'] : staff['expert.training'];
  const input = CourseCreate.parse({
    title: d.title, field: d.field, provinceId: d.where === 'mazandaran' ? mazandaran : null, mode: d.mode, place: d.place,
    startsOn: jalaliIn(now, d.start), endsOn: jalaliIn(now, d.start + d.length - 1), hours: d.hours, trainees: d.trainees, description: d.description,
  });
  const id = await createCourse(tx, organizer, input);
  for (const m of d.instructors) await assignInstructor(tx, organizer, id, { profileId: profiles.get(m)! });
  if (d.state === 'cancelled') await cancelCourse(tx, organizer, id, d.cancelReason ?? '');
  const end = d.start + d.length - 1;
  if (d.state === 'held' || d.state === 'closed') {
    await markHeld(tx, organizer, id);
    const [course] = await tx.select().from(instCourses).where(eq(instCourses.id, id));
    const codes = await tx.select().from(instTraineeCodes).where(eq(instTraineeCodes.courseId, id)).orderBy(asc(instTraineeCodes.id));
    const assignments = await tx.select().from(instAssignments).where(eq(instAssignments.courseId, id)).orderBy(asc(instAssignments.id));
    for (const [k, overall] of (d.overall ?? []).entries()) {
      await submitRatings(tx, course!.ratingToken!, {
        code: codes[k]!.code, ratings: assignments.map((a) => ({ assignmentId: a.id, scores: traineeScores(overall, k), comment: COMMENTS[k % COMMENTS.length]! })),
      });
    }
    const evaluation: EvaluationInput | undefined = d.evaluation;
    if (evaluation) for (const a of assignments) await evaluateAssignment(tx, organizer, a.id, { scores: evaluation.scores, comment: evaluation.comment });
    if (d.state === 'closed') await closeCourse(tx, organizer, id);
    // The story's days: ratings over the days after the course, the evaluation two days after it.
    const ratings = await tx.select({ id: instRatings.id }).from(instRatings).where(inArray(instRatings.assignmentId, assignments.map((a) => a.id))).orderBy(asc(instRatings.id));
    for (const [k, r] of ratings.entries()) await tx.update(instRatings).set({ createdAt: at(now, Math.min(end + (k % 4), -1), 60 + k * 13) }).where(eq(instRatings.id, r.id));
    for (const a of assignments) {
      if (!a.evaluation && !evaluation) continue;
      const [fresh] = await tx.select({ evaluation: instAssignments.evaluation }).from(instAssignments).where(eq(instAssignments.id, a.id));
      if (fresh?.evaluation) await tx.update(instAssignments).set({ evaluation: { ...fresh.evaluation, at: at(now, Math.min(end + 2, -1), 240).toISOString() } }).where(eq(instAssignments.id, a.id));
    }
  }
  const created = Math.min(d.start - 30, -5);
  const updated = d.state === 'closed' ? end + 20 : d.state === 'held' ? end : d.state === 'cancelled' ? -3 : created + 2;
  await tx.update(instCourses).set({ createdAt: at(now, created), updatedAt: at(now, Math.min(updated, -1), 120) }).where(eq(instCourses.id, id));
  await tx.update(instAssignments).set({ createdAt: at(now, created + 2, 30) }).where(eq(instAssignments.courseId, id));
}

/** The demo courses (see COURSES), in the order of their dates. */
export async function seedDemoCourses(tx: Tx, staff: DemoStaff, mazandaran: number, profiles: Map<string, number>, now: number): Promise<void> {
  for (const d of COURSES) await seedCourse(tx, staff, mazandaran, profiles, now, d);
}
