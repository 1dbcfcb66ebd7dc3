export * from "./calendar";
export * from "./exam-domains";
export * from "./forecast";
export * from "./mastery";
export * from "./misconceptions";
export * from "./readiness";
export * from "./recall";
export * from "./trends";
