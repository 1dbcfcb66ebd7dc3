import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { iconPng } from "../scripts/make-icons";
import manifest from "./manifest";
import { manifestFor } from "./manifest-content";

// The request a browser installing the app sends: no credentials, its Accept-Language.
const request = vi.hoisted(() => ({ acceptLanguage: "en-US" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ "accept-language": request.acceptLanguage }),
}));

// The web app manifest a phone reads to put Taskdeck on its home screen: every icon it names
// must be a file in public/ of the stated type and size, and the committed PNGs must be what
// scripts/make-icons.ts draws (so the SVG and the PNGs cannot drift apart unnoticed).

const publicFile = (src: string) => path.join(__dirname, "..", "public", src);

describe("web app manifest", () => {
  const m = manifestFor("en");

  it("opens standalone on the study page with Taskdeck's name and colours", () => {
    expect(m).toMatchObject({ name: "Taskdeck", short_name: "Taskdeck", display: "standalone", scope: "/" });
    expect(m.start_url).toBe("/study");
    expect(fs.existsSync(path.join(__dirname, "study", "page.tsx"))).toBe(true);
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("names icons that exist at their stated type and size, a maskable one among them", () => {
    const icons = m.icons ?? [];
    expect(icons.map((i) => i.sizes).sort()).toEqual(["192x192", "512x512", "512x512", "any"]);
    expect(icons.some((i) => i.purpose === "maskable")).toBe(true);
    for (const icon of icons) {
      const file = publicFile(icon.src);
      expect(fs.existsSync(file), icon.src).toBe(true);
      const bytes = fs.readFileSync(file);
      if (icon.type === "image/png") {
        expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
      } else {
        expect(icon.type).toBe("image/svg+xml");
        expect(bytes.toString("utf8")).toMatch(/^<svg [^>]*viewBox="0 0 100 100"/);
      }
    }
  });

  it("describes Taskdeck in the language the installing browser asks for", async () => {
    request.acceptLanguage = "ko-KR,ko;q=0.9,en;q=0.8";
    const ko = await manifest();
    expect(ko.lang).toBe("ko");
    expect(ko.description).toMatch(/AWS 자격증을 준비하세요/);
    expect(ko.name).toBe("Taskdeck");
    request.acceptLanguage = "en-US";
    const en = await manifest();
    expect(en.lang).toBe("en");
    expect(en.description).toMatch(/^Study for AWS certifications/);
  });

  it("ships the PNGs the icon script draws", () => {
    expect(fs.readFileSync(publicFile("/icons/icon-192.png")).equals(iconPng(192))).toBe(true);
    expect(fs.readFileSync(publicFile("/icons/icon-512.png")).equals(iconPng(512))).toBe(true);
    expect(fs.readFileSync(path.join(__dirname, "apple-icon.png")).equals(iconPng(180))).toBe(true);
  });
});
