import { describe, expect, it } from "vitest";
import { attachParticles, endingOf } from "./korean-particles";

// Particles after values a template cannot know: chosen by how the value is read aloud.

describe("attachParticles", () => {
  it("reads AWS action names by their English ending", () => {
    expect(attachParticles("s3:PutObject을(를) 허용합니다")).toBe("s3:PutObject를 허용합니다");
    expect(attachParticles("ecr:GetAuthorizationToken을(를) 허용합니다")).toBe(
      "ecr:GetAuthorizationToken을 허용합니다",
    );
    expect(attachParticles("logs:CreateLogStream이(가) 없습니다")).toBe("logs:CreateLogStream이 없습니다");
    expect(attachParticles("app-pool(으)로 보냅니다")).toBe("app-pool로 보냅니다");
    expect(attachParticles("web은(는) 실행 중")).toBe("web은 실행 중");
  });

  it("reads capitals as letter names and digits in Sino-Korean", () => {
    expect(attachParticles("EBS을(를)")).toBe("EBS를");
    expect(attachParticles("IAM이(가)")).toBe("IAM이");
    expect(attachParticles("ALB와(과)")).toBe("ALB와");
    expect(attachParticles("t-1이(가)")).toBe("t-1이");
    expect(attachParticles("t-2이(가)")).toBe("t-2가");
    expect(attachParticles("i-3은(는)")).toBe("i-3은");
    expect(attachParticles("포트 8(으)로")).toBe("포트 8로");
    expect(attachParticles("포트 80(으)로")).toBe("포트 80으로");
    expect(attachParticles("포트 443(으)로")).toBe("포트 443으로");
    expect(attachParticles("50%을(를)")).toBe("50%를");
  });

  it("reads Hangul by its final consonant, looking past quotes and brackets", () => {
    expect(attachParticles("“태스크”을(를)")).toBe("“태스크”를");
    expect(attachParticles("서비스(web)은(는)")).toBe("서비스(web)는");
    expect(attachParticles("태스크 역할(ecsTaskRole)이(가)")).toBe("태스크 역할(ecsTaskRole)이");
    expect(attachParticles("파일(으)로")).toBe("파일로");
    expect(attachParticles("클러스터(으)로")).toBe("클러스터로");
    expect(attachParticles("대상 그룹(으)로")).toBe("대상 그룹으로");
  });

  it("leaves a pair it cannot judge, and text without pairs, as written", () => {
    expect(attachParticles("→을(를)")).toBe("→을(를)");
    expect(attachParticles("을(를) 먼저")).toBe("을(를) 먼저");
    expect(attachParticles("메모리(MiB)")).toBe("메모리(MiB)");
    expect(endingOf("")).toBeNull();
  });
});
