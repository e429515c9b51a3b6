// What the API's answers mean on the page: originals read back from offsets, placeholders found in
// texts, the colour family of each type. Pure functions of their arguments.

// Colour family of each entity type; the placeholder text itself names the type, so colour is a help only.
const TYPE_GROUPS = {
  PERSON: "person", ORGANIZATION: "org", CLIENT_TERM: "org", LOCATION: "place", ADDRESS: "place",
  EMAIL_ADDRESS: "contact", PHONE_NUMBER: "contact", URL: "contact", IP_ADDRESS: "contact",
  IBAN_CODE: "money", BIC: "money", CREDIT_CARD: "money", FR_RIB: "money", SECRET: "secret",
};

// What each placeholder stands for, read from the input: the API gives offsets, never values.
// Offsets count Unicode code points (as Python does), so index the text by code point, not UTF-16 unit.
// Keyed by type and placeholder: a mask (****) stands for values of several types.
export function findingsOf(text, entities) {
  const points = Array.from(text);
  const findings = new Map();
  for (const entity of entities) {
    const original = points.slice(entity.start, entity.end).join("");
    const key = `${entity.type}\u0000${entity.placeholder}`;
    const finding = findings.get(key) ?? { type: entity.type, placeholder: entity.placeholder, originals: [], count: 0 };
    if (!finding.originals.includes(original)) finding.originals.push(original);
    finding.count += 1;
    findings.set(key, finding);
  }
  return findings;
}

// The first finding of each placeholder string, and a pattern matching any of them (longest first):
// placeholders are tags ([PERSON_1]), masks or surrogate values, so they are found by their text.
export function placeholderIndex(findings) {
  const index = new Map();
  for (const finding of findings.values()) if (finding.placeholder && !index.has(finding.placeholder)) index.set(finding.placeholder, finding);
  const strings = [...index.keys()].sort((a, b) => b.length - a.length);
  const pattern = strings.length ? new RegExp(strings.map(escapeRegExp).join("|"), "g") : null;
  return { index, pattern };
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function groupOf(type) {
  return TYPE_GROUPS[type] ?? (type.startsWith("FR_") || type === "DATE_OF_BIRTH" ? "id" : "other");
}

// Unknown placeholders are reported in canonical form ([PERSON_9]); find them as the AI wrote them
// (person_9, \[PERSON\_9\], <PERSON_9>…) to mark them in the restored text.
export function unknownPattern(unknown) {
  const parts = unknown
    .map((placeholder) => /^\[([A-Z0-9_]+)_(\d+)(?:\.(\d+))?\]$/.exec(placeholder))
    .filter(Boolean)
    // [PERSON_1.2] is another mention of PERSON_1 (see guard/placeholders.py).
    .map(([, type, number, variant]) =>
      `${type.split("_").join("\\\\?_")}\\\\?_${number}${variant ? `\\.${variant}` : ""}`);
  if (!parts.length) return null;
  return new RegExp(
    `(?:\\\\?[\\[<{]\\s*)?(?<![A-Za-z0-9])(?:${parts.join("|")})(?![0-9])(?:\\s*\\\\?[\\]>}])?`, "gi",
  );
}

// The server lists the blocking types (never the values) in `types`, and names them in its message.
export function blockedTypes(message, known) {
  return [...new Set(message.match(/\b[A-Z][A-Z0-9_]*[A-Z0-9]\b/g) || [])].filter((word) => known.includes(word));
}

// A selection of the protected text, with the placeholders it covers turned back into their originals.
export function withOriginals(text, findings) {
  const { index, pattern } = placeholderIndex(findings);
  return pattern ? text.replace(pattern, (placeholder) => index.get(placeholder).originals[0]) : text;
}
