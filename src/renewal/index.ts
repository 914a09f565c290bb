// The renewal core's public surface, for the Discord layer: data, queries, expiry rules, planner, wording, image.
export {
  type Catalog,
  type CatalogResult,
  findCertification,
  getCatalog,
  parseCatalog,
  resolveCertification,
  suggest,
  type UnknownCertification,
} from "./catalog.js";
export type { CalendarDate } from "./dates.js";
export { describePath, describeRenewedBy, describeRenews } from "./describe.js";
export { describePass, describePlan } from "./describe-plan.js";
export { applyPass, computeExpiry, type HeldCert, isLapsed, type PassOutcome } from "./expiry.js";
export { type Chain, type PathAnswer, path, type Reach, renewedBy, renews } from "./graph.js";
export { planRenewals, type RenewalPlan } from "./plan.js";
export { renderRenewalGraphPng } from "./render.js";
export type { Certification, RenewalEdge } from "./schema.js";
