export * from "./card-state";
export * from "./scheduler";
export * from "./study-day";
