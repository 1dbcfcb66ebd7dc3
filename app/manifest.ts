import type { MetadataRoute } from "next";

/**
 * The web app manifest (served at /manifest.webmanifest; Next links it from every page), so a
 * learner can add Taskdeck to a phone's home screen and open it straight on their study session.
 * The icons are full-bleed with the cards inside the central safe zone, so one file serves both
 * "any" and "maskable" (scripts/make-icons.ts writes the PNGs from icon.svg's shapes).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Taskdeck",
    short_name: "Taskdeck",
    description:
      "Study for AWS certifications with spaced repetition, exam-style practice questions and an ECS simulator.",
    lang: "en",
    start_url: "/study",
    scope: "/",
    display: "standalone",
    background_color: "#f7f8fa",
    theme_color: "#f7f8fa",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
