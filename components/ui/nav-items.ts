/** Primary navigation. A destination is listed here only once its page exists. */
export const NAV_ITEMS: ReadonlyArray<{ href: string; label: string }> = [
  { href: "/", label: "Topics" },
  { href: "/study", label: "Study" },
  { href: "/simulator", label: "Simulator" },
];
