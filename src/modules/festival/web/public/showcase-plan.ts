// A showcase plan (the API's public shape) as the shared PlanView reads a plan: the view takes a plan, the axes to
// name its axis, and a photo address per id — here the photos' public URLs stand in for their ids. Pure.
import type { ShowcasePlan } from '../../api-types.js';
import type { Axis, Plan } from '../../contract.js';

export function planOf(p: ShowcasePlan): { plan: Plan; axes: Axis[] } {
  const plan: Plan = {
    axis: p.axis,
    category: p.category,
    title: p.title,
    summary: p.summary,
    problem: p.problem,
    actions: p.actions,
    partners: p.partners,
    startYear: p.startYear,
    cost: p.cost,
    funding: p.funding.map((f) => ({ source: f.source, amount: f.amount })),
    jobs: p.jobs,
    incomePerYear: p.incomePerYear,
    beneficiaries: p.beneficiaries,
    investment: p.investment,
    figures: p.figures,
    lessons: p.lessons,
    contactName: p.contact?.name ?? '',
    contactPhone: p.contact?.phone ?? '',
    photos: p.photos.map((ph) => ph.url),
    documents: {},
  };
  const axes: Axis[] = [{ key: p.axis, title: p.axisTitle, categories: p.categoryTitle ? [{ key: p.category, title: p.categoryTitle }] : [], rubric: [] }];
  return { plan, axes };
}

/** The photo «id» is already its public URL (see planOf). */
export const photoUrlOf = (url: string) => url;
