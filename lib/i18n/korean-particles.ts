/**
 * Korean particles after a value the sentence does not know in advance (a task id, an AWS action
 * name, a count): 을/를, 이/가, 은/는, 와/과 and 으로/로 depend on whether the word before ends in a
 * consonant, which a template cannot know. Korean catalog messages write the pair after such a value
 * ("{taskId}이(가)", "{action}을(를)", "{name}(으)로") and `attachParticles` picks the form by how
 * the value is read aloud: Hangul by its final consonant, digits in Sino-Korean (…0 십/백/천,
 * 1 일, 2 이, 3 삼…), capitals as letter names (EBS 에스, IAM 엠), other Latin words by their
 * English ending as Korean writes it (PutObject 젝트, pool 풀, domain 메인, web 웹). A word in
 * parentheses glosses the one before it, which takes the particle ("서비스(web)는"). A pair it cannot judge stays as written,
 * which is still correct Korean. Pure: the simulator's renderer and its tests use it.
 */

type Ending = "vowel" | "consonant" | "rieul";

/** Digits as Sino-Korean readings end: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구. */
const DIGIT: Record<string, Ending> = {
  "0": "consonant",
  "1": "rieul",
  "2": "vowel",
  "3": "consonant",
  "4": "vowel",
  "5": "vowel",
  "6": "consonant",
  "7": "rieul",
  "8": "rieul",
  "9": "vowel",
};

/** Capital letters read as their names: 엘 and 알 end in ㄹ, 엠 and 엔 in a consonant. */
const LETTER_NAME: Record<string, Ending> = { L: "rieul", R: "rieul", M: "consonant", N: "consonant" };

/** Characters that close a value without being read (quotes, brackets). */
const SILENT = /["'”’)\]}`»」』]/;

/** How the text before `end` ends when read aloud, or null when it cannot be told. */
export function endingOf(text: string, end = text.length): Ending | null {
  let i = end - 1;
  // A parenthesis after a word glosses it ("서비스(web)"): the particle goes with the word before it.
  if (text[i] === ")" && text.lastIndexOf("(", i) > 0) i = text.lastIndexOf("(", i) - 1;
  while (i >= 0 && SILENT.test(text[i] ?? "")) i--;
  if (i < 0) return null;
  const c = text[i] ?? "";
  const code = c.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? "vowel" : final === 8 ? "rieul" : "consonant";
  }
  if (/[0-9]/.test(c)) {
    // 10 십, 100 백, 1000 천, 10000 만: every power of ten ends in a consonant, none in ㄹ.
    return c === "0" && i > 0 && /[0-9]/.test(text[i - 1] ?? "") ? "consonant" : (DIGIT[c] ?? null);
  }
  if (/[A-Za-z]/.test(c)) {
    let start = i;
    while (start > 0 && /[A-Za-z]/.test(text[start - 1] ?? "")) start--;
    const word = text.slice(start, i + 1);
    if (word === word.toUpperCase()) return LETTER_NAME[c] ?? "vowel";
    const lower = word.toLowerCase();
    if (lower.endsWith("l")) return "rieul";
    if (/(m|n|ng)$/.test(lower)) return "consonant";
    // A short vowel before a final b/p/k/t is read as a closed syllable: web 웹, Put 풋, Secret 시크릿.
    if (/(^|[^aeiou])[aeiou][bpkt]$/.test(lower)) return "consonant";
    return "vowel";
  }
  if (c === "%") return "vowel"; // 퍼센트
  return null;
}

const PAIRS: Array<[pair: string, afterConsonant: string, afterVowel: string, afterRieul: string]> = [
  ["을(를)", "을", "를", "을"],
  ["이(가)", "이", "가", "이"],
  ["은(는)", "은", "는", "은"],
  ["과(와)", "과", "와", "과"],
  ["와(과)", "과", "와", "과"],
  ["(으)로", "으로", "로", "로"],
];

/**
 * The text with each particle pair replaced by the form its preceding word takes.
 * @example attachParticles("s3:PutObject을(를) 허용합니다") // "s3:PutObject를 허용합니다"
 * @example attachParticles("t-1이(가) 중지됨") // "t-1이 중지됨"
 */
export function attachParticles(text: string): string {
  if (!text.includes("(")) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const found = PAIRS.find(([pair]) => text.startsWith(pair, i));
    if (!found) {
      out += text[i];
      i++;
      continue;
    }
    const [pair, consonant, vowel, rieul] = found;
    const ending = endingOf(out);
    out +=
      ending === "vowel" ? vowel : ending === "rieul" ? rieul : ending === "consonant" ? consonant : pair;
    i += pair.length;
  }
  return out;
}
