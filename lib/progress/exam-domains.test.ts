import { describe, expect, it } from "vitest";
import { examDomainOf } from "./exam-domains";

describe("a bank's domain line", () => {
  it("names an SAA-C03 domain with or without the exam's code", () => {
    expect(examDomainOf("SAA-C03: Design Secure Architectures")?.id).toBe("secure");
    expect(examDomainOf("Design Cost-Optimized Architectures")?.id).toBe("cost");
  });

  it("is no exam domain when it only starts like one", () => {
    expect(examDomainOf("Design Secure Architectures for Phone Screens")).toBeNull();
    expect(examDomainOf("")).toBeNull();
  });
});
