/**
 * Small inline icons for the simulator. Decorative: every icon sits next to text that says
 * the same thing, so each is aria-hidden.
 */
import type { ReactNode } from "react";
import type { TaskStatus } from "@/lib/sim";

type IconProps = { className?: string };

function Svg({ className, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      className={className ? `sim-icon ${className}` : "sim-icon"}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

const stroke = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.8,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

export function CheckIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 8.5l3.2 3L13 4.5" {...stroke} strokeWidth={2.2} />
    </Svg>
  );
}

export function CrossIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 4l8 8M12 4l-8 8" {...stroke} strokeWidth={2.2} />
    </Svg>
  );
}

export function WarnIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 1.8L15 14H1z" {...stroke} />
      <path d="M8 6.2v3.6M8 11.8v.2" {...stroke} strokeWidth={2} />
    </Svg>
  );
}

export function ClockIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="8" r="6" {...stroke} />
      <path d="M8 4.5V8l2.5 1.8" {...stroke} />
    </Svg>
  );
}

export function DotsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="8" r="6" {...stroke} strokeDasharray="2.2 2.2" />
      <circle cx="8" cy="8" r="1.6" fill="currentColor" />
    </Svg>
  );
}

export function StopIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="3.5" y="3.5" width="9" height="9" rx="1.5" {...stroke} />
    </Svg>
  );
}

export function ArrowIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2 8h11M9.5 4.5L13 8l-3.5 3.5" {...stroke} />
    </Svg>
  );
}

export function KeyIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="5" cy="8" r="3" {...stroke} />
      <path d="M8 8h6.5M12 8v2.5M14 8v2" {...stroke} />
    </Svg>
  );
}

export function ChipIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="4" y="4" width="8" height="8" rx="1" {...stroke} />
      <path d="M6 1.5V4M10 1.5V4M6 12v2.5M10 12v2.5M1.5 6H4M1.5 10H4M12 6h2.5M12 10h2.5" {...stroke} />
    </Svg>
  );
}

export function DiskIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <ellipse cx="8" cy="4" rx="5.5" ry="2" {...stroke} />
      <path d="M2.5 4v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4" {...stroke} />
    </Svg>
  );
}

export function BalanceIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="3.5" r="2" {...stroke} />
      <path d="M8 5.5v3M3 12.5v-2.5h10v2.5M8 8.5v4" {...stroke} />
    </Svg>
  );
}

export function PlayIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4.5 2.8v10.4L13 8z" fill="currentColor" />
    </Svg>
  );
}

export function PauseIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="3.5" y="3" width="3" height="10" rx="0.8" fill="currentColor" />
      <rect x="9.5" y="3" width="3" height="10" rx="0.8" fill="currentColor" />
    </Svg>
  );
}

export function StepBackIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 3v10L5 8z" fill="currentColor" />
      <rect x="3" y="3" width="2" height="10" rx="0.6" fill="currentColor" />
    </Svg>
  );
}

export function StepForwardIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 3v10l7-5z" fill="currentColor" />
      <rect x="11" y="3" width="2" height="10" rx="0.6" fill="currentColor" />
    </Svg>
  );
}

/** The icon that, with its label, tells a task's state without relying on colour. */
export function TaskStateIcon({ state, className }: { state: TaskStatus; className?: string }) {
  switch (state) {
    case "RUNNING":
      return <CheckIcon className={className} />;
    case "PENDING":
      return <ClockIcon className={className} />;
    case "PROVISIONING":
      return <DotsIcon className={className} />;
    case "STOPPED":
      return <StopIcon className={className} />;
  }
}
