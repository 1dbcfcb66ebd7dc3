import type { ReactNode } from "react";

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A heading whose level the host page chooses, so the view fits any outline. */
export function Heading({
  level,
  id,
  className,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** One level down, capped at h6. */
export function sub(level: HeadingLevel): HeadingLevel {
  return Math.min(6, level + 1) as HeadingLevel;
}
