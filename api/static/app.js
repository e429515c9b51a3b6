// clientguard's web page: paste a text, copy the protected version into the AI tool, paste the AI's
// answer back, copy the restored version. Plain JavaScript with no dependency: it talks only to the
// clientguard server that served it, and never puts pasted text into HTML (text nodes only).

import { copyText } from "./clipboard.js";
import { currentLanguage, knownTypes, loadTexts, t, toggleLanguage, translateDocument, typeName } from "./i18n.js";
import { blockedTypes, findingsOf, groupOf, placeholderIndex, unknownPattern, withOriginals } from "./placeholders.js";
import { PageError, call } from "./server.js";

const $ = (id) => document.getElementById(id);

// Remembered in this browser so that reopening the page continues the same conversation.
const CONVERSATION_KEY = "clientguard.conversation";

const MAX_TERM_CHARS = 500; // the API's limit for one term

const state = {
  sessionId: null,
  client: "",
  terms: [], // extra values to redact for this input (CLIENT_TERM)
  allow: [], // values the user chose to leave in clear for this input
  redaction: null, // {text, entities, findings: Map type+placeholder -> {type, placeholder, originals, count}}
  restoration: null, // {text, unknown_placeholders}
  selection: "",
  lastError: null,
  requests: { redact: 0, restore: 0 },
};

// -- language -----------------------------------------------------------------------------------

function applyLanguage() {
  translateDocument();
  $("language").lang = currentLanguage() === "fr" ? "en" : "fr"; // the button names the other language
  renderSession();
  renderFindings();
  renderRestoration();
  if (state.lastError) showError(state.lastError);
}

function switchLanguage() {
  toggleLanguage();
  applyLanguage();
}

// -- messages -----------------------------------------------------------------------------------

function errorText(error) {
  if (error.kind === "blocked") {
    const types = Array.isArray(error.detail.types) ? error.detail.types : blockedTypes(error.detail.message || "", knownTypes());
    return types.length ? t("error_blocked", { types: types.map(typeName).join(", ") }) : t("error_blocked_no_types");
  }
  if (error.kind === "invalid") return t("error_invalid", { message: error.detail.message || "" });
  return t(`error_${error.kind}`);
}

function showError(error) {
  state.lastError = error;
  const alert = $("alert");
  alert.textContent = errorText(error);
  alert.dataset.kind = error.kind;
  alert.hidden = false;
}

function clearError() {
  state.lastError = null;
  $("alert").hidden = true;
  $("alert").textContent = "";
}

function announce(message) {
  $("status").textContent = message;
}

function fail(error) {
  if (!(error instanceof PageError)) {
    console.error(error);
    error = new PageError("server");
  }
  if (error.kind === "session_expired") forgetConversation();
  showError(error);
}

// -- the conversation ---------------------------------------------------------------------------

function loadConversation() {
  try {
    const saved = JSON.parse(localStorage.getItem(CONVERSATION_KEY) || "{}");
    state.sessionId = typeof saved.session === "string" ? saved.session : null;
    state.client = typeof saved.client === "string" ? saved.client : "";
  } catch {
    state.sessionId = null;
  }
}

function saveConversation() {
  localStorage.setItem(CONVERSATION_KEY, JSON.stringify({ session: state.sessionId, client: state.client }));
}

function forgetConversation() {
  state.sessionId = null;
  saveConversation();
  renderSession();
}

function renderSession() {
  const output = $("session");
  if (state.sessionId) {
    output.textContent = `${state.sessionId.slice(0, 8)}…`;
    output.classList.add("session-id");
    output.title = state.sessionId;
    output.setAttribute("aria-label", t("session_label", { id: state.sessionId.slice(0, 8) }));
  } else {
    output.textContent = t("no_session");
    output.classList.remove("session-id");
    output.removeAttribute("title");
    output.removeAttribute("aria-label");
  }
  $("purge-session").disabled = !state.sessionId;
}

// Forget everything this page holds about the conversation (the vault keeps it until purged or expired).
function resetPage() {
  state.terms = [];
  state.allow = [];
  state.redaction = null;
  state.restoration = null;
  state.selection = "";
  state.requests.redact += 1; // answers still on their way are dropped
  state.requests.restore += 1;
  setBusy("step-protect", false);
  setBusy("step-restore", false);
  $("input").value = "";
  $("answer").value = "";
  renderRedaction();
  renderFindings();
  renderRestoration();
}

function newConversation() {
  forgetConversation();
  resetPage();
  clearError();
  announce(t("new_session_started"));
  $("input").focus();
}

async function purgeConversation() {
  if (!state.sessionId || !window.confirm(t("purge_confirm"))) return;
  try {
    await call("DELETE", `/v1/sessions/${encodeURIComponent(state.sessionId)}`);
  } catch (error) {
    if (error.kind !== "session_expired") return fail(error); // already gone: nothing left to erase
  }
  forgetConversation();
  resetPage();
  clearError();
  announce(t("purged"));
  $("input").focus();
}

async function loadProfiles() {
  let names = [];
  try {
    names = (await call("GET", "/v1/profiles")).profiles;
  } catch (error) {
    return fail(error);
  }
  const select = $("client");
  for (const name of names) select.append(new Option(name, name));
  $("profile-row").hidden = names.length === 0;
  if (!names.includes(state.client)) {
    if (state.client) forgetConversation(); // that profile is gone, and its session with it
    state.client = "";
  }
  select.value = state.client;
}

function chooseClient() {
  state.client = $("client").value;
  newConversation(); // sessions belong to one profile: another profile starts another conversation
  saveConversation();
}

// -- step 1: protect ----------------------------------------------------------------------------

async function redact() {
  const text = $("input").value;
  if (!text.trim()) return showError(new PageError("empty"));
  const body = { text };
  if (state.sessionId) body.session_id = state.sessionId;
  if (state.client) body.client = state.client;
  if (state.terms.length) body.terms = [...state.terms];
  if (state.allow.length) body.allow = [...state.allow];
  const request = ++state.requests.redact;
  setBusy("step-protect", true);
  try {
    const data = await call("POST", "/v1/redact", body);
    if (request !== state.requests.redact) return; // a newer request (or a reset) superseded this one
    state.sessionId = data.session_id;
    saveConversation();
    state.redaction = { text: data.text, entities: data.entities, findings: findingsOf(text, data.entities) };
    clearError();
    renderSession();
    renderRedaction();
    renderFindings();
    announce(t("redacted_status", { count: data.entities.length }));
  } catch (error) {
    if (request === state.requests.redact) fail(error);
  } finally {
    if (request === state.requests.redact) setBusy("step-protect", false);
  }
}

function placeholderMark(placeholder, finding) {
  const mark = document.createElement("mark");
  mark.className = `ph group-${groupOf(finding.type)}`;
  mark.dataset.type = finding.type;
  mark.textContent = placeholder;
  mark.title = finding.originals.join(" / ");
  return mark;
}

function renderRedaction() {
  const output = $("redacted");
  output.replaceChildren();
  $("copy-redacted").disabled = !state.redaction;
  if (!state.redaction) {
    output.append(emptyNote("redacted_empty"));
    return;
  }
  const { text, findings } = state.redaction;
  const { index, pattern } = placeholderIndex(findings);
  let last = 0;
  for (const match of pattern ? text.matchAll(pattern) : []) {
    output.append(text.slice(last, match.index), placeholderMark(match[0], index.get(match[0])));
    last = match.index + match[0].length;
  }
  output.append(text.slice(last));
}

function emptyNote(key) {
  const note = document.createElement("span");
  note.className = "empty";
  note.dataset.i18n = key;
  note.textContent = t(key);
  return note;
}

function renderFindings() {
  const list = $("findings");
  list.replaceChildren();
  const findings = state.redaction ? state.redaction.findings : new Map();
  const empty = $("findings-empty");
  empty.hidden = findings.size > 0;
  empty.textContent = t(state.redaction ? "findings_none" : "findings_empty");
  const byType = new Map();
  for (const [key, finding] of findings) {
    if (!byType.has(finding.type)) byType.set(finding.type, []);
    byType.get(finding.type).push([key, finding]);
  }
  for (const [type, items] of byType) list.append(findingGroup(type, items));
  renderExceptions();
}

function findingGroup(type, items) {
  const group = document.createElement("li");
  group.className = "finding-group";
  const heading = document.createElement("p");
  heading.className = "finding-type";
  const swatch = document.createElement("span");
  swatch.className = `swatch group-${groupOf(type)}`;
  swatch.setAttribute("aria-hidden", "true");
  const name = document.createElement("span");
  name.textContent = typeName(type);
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = String(items.length);
  heading.append(swatch, name, " ", count);
  const list = document.createElement("ul");
  for (const [key, finding] of items) list.append(findingItem(key, finding));
  group.append(heading, list);
  return group;
}

function findingItem(key, finding) {
  const { placeholder } = finding;
  const original = finding.originals.join(" / ");
  const button = document.createElement("button");
  button.type = "button";
  button.className = `finding group-${groupOf(finding.type)}`;
  button.dataset.placeholder = placeholder;
  button.setAttribute("aria-label", t("finding_label", { placeholder, original }));
  const label = document.createElement("span");
  label.className = "finding-placeholder";
  label.textContent = placeholder;
  button.append(label);
  if (finding.count > 1) {
    const times = document.createElement("span");
    times.className = "times";
    times.textContent = t("occurrences", { count: finding.count });
    button.append(" ", times);
  }
  button.addEventListener("click", () => unredact(key));
  const tip = document.createElement("span"); // shown on hover and on keyboard focus (see style.css)
  tip.className = "original";
  tip.setAttribute("aria-hidden", "true");
  tip.textContent = original;
  const item = document.createElement("li");
  item.append(button, tip);
  return item;
}

function renderExceptions() {
  $("exceptions").hidden = state.allow.length === 0 && state.terms.length === 0;
  renderChips($("allowed"), state.allow, "remove_allowed", (value) => {
    state.allow = state.allow.filter((v) => v !== value);
  });
  renderChips($("terms"), state.terms, "remove_term", (value) => {
    state.terms = state.terms.filter((v) => v !== value);
  });
}

function renderChips(list, values, labelKey, remove) {
  list.replaceChildren();
  list.previousElementSibling.hidden = values.length === 0;
  for (const value of values) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "chip";
    button.dataset.value = value;
    button.setAttribute("aria-label", t(labelKey, { value }));
    button.textContent = value;
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = " ×";
    button.append(cross);
    button.addEventListener("click", () => {
      remove(value);
      renderExceptions();
      redact().then(() => $("findings-title").focus());
    });
    item.append(button);
    list.append(item);
  }
}

// Un-redact: redact the same input again, in the same session, with this finding's original allowed.
function unredact(key) {
  const finding = state.redaction && state.redaction.findings.get(key);
  if (!finding) return;
  for (const value of finding.originals) {
    if (!state.allow.includes(value)) state.allow.push(value);
    state.terms = state.terms.filter((term) => term !== value);
  }
  renderExceptions();
  redact().then(() => $("findings-title").focus());
}

// Redact a selection: the selected text (its originals, where it covers placeholders) becomes a term.
function redactSelection() {
  const value = state.selection;
  if (!value) return;
  if (!state.terms.includes(value)) state.terms.push(value);
  state.allow = state.allow.filter((allowed) => allowed !== value);
  state.selection = "";
  $("redact-selection").disabled = true;
  renderExceptions();
  redact().then(() => $("findings-title").focus());
}

function trackSelection() {
  const input = $("input");
  const output = $("redacted");
  const active = document.activeElement;
  // Moving focus to a button must not forget what was selected; only the text areas and a click on
  // the page itself change the selection that "Masquer la sélection" uses.
  if (active !== input && active !== output && active !== document.body) return;
  let chosen = "";
  if (active === input) {
    chosen = input.value.slice(input.selectionStart, input.selectionEnd);
  } else {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && output.contains(selection.anchorNode) && output.contains(selection.focusNode)) {
      chosen = state.redaction ? withOriginals(selection.toString(), state.redaction.findings) : selection.toString();
    }
  }
  state.selection = chosen.trim();
  $("redact-selection").disabled = !state.selection || state.selection.length > MAX_TERM_CHARS;
}

function clearInput() {
  state.terms = [];
  state.allow = [];
  state.redaction = null;
  state.requests.redact += 1;
  setBusy("step-protect", false);
  $("input").value = "";
  renderRedaction();
  renderFindings();
  $("input").focus();
}

// -- step 2: restore ----------------------------------------------------------------------------

async function restore() {
  const text = $("answer").value;
  if (!text.trim()) return showError(new PageError("empty"));
  if (!state.sessionId) return showError(new PageError("no_session"));
  const body = { text, session_id: state.sessionId };
  if (state.client) body.client = state.client;
  const request = ++state.requests.restore;
  setBusy("step-restore", true);
  try {
    const data = await call("POST", "/v1/restore", body);
    if (request !== state.requests.restore) return;
    state.restoration = data;
    clearError();
    renderRestoration();
    announce(t("restored_status"));
  } catch (error) {
    if (request === state.requests.restore) fail(error);
  } finally {
    if (request === state.requests.restore) setBusy("step-restore", false);
  }
}

function renderRestoration() {
  const output = $("restored");
  const note = $("unknown");
  output.replaceChildren();
  $("copy-restored").disabled = !state.restoration;
  if (!state.restoration) {
    output.append(emptyNote("restored_empty"));
    note.hidden = true;
    return;
  }
  const { text, unknown_placeholders: unknown } = state.restoration;
  const pattern = unknownPattern(unknown);
  let last = 0;
  if (pattern) {
    for (const match of text.matchAll(pattern)) {
      const mark = document.createElement("mark");
      mark.className = "ph unknown";
      mark.title = t("unknown_title");
      mark.textContent = match[0];
      output.append(text.slice(last, match.index), mark);
      last = match.index + match[0].length;
    }
  }
  output.append(text.slice(last));
  note.hidden = unknown.length === 0;
  note.textContent = t("unknown_note", { list: unknown.join(", ") });
}

// -- copy ---------------------------------------------------------------------------------------

async function copy(text, button) {
  if (!(await copyText(text))) return showError(new PageError("copy"));
  announce(t("copied"));
  button.textContent = t("copied_short");
  button.classList.add("done");
  setTimeout(() => {
    button.textContent = t("copy");
    button.classList.remove("done");
  }, 1500);
}

// -- wiring -------------------------------------------------------------------------------------

function setBusy(sectionId, busy) {
  $(sectionId).setAttribute("aria-busy", String(busy));
}

function onCtrlEnter(element, action) {
  element.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      action();
    }
  });
}

function onPaste(element, action) {
  element.addEventListener("input", (event) => {
    if (event.inputType === "insertFromPaste") action();
  });
}

// The extra terms and allowed values belong to one input: pasting a new text over the whole
// field (or into an empty one) starts its lists afresh.
function forgetChoicesOnNewText(input) {
  input.addEventListener("beforeinput", (event) => {
    const replacesAll = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (event.inputType === "insertFromPaste" && replacesAll && (state.terms.length || state.allow.length)) {
      state.terms = [];
      state.allow = [];
      renderExceptions();
    }
  });
}

async function start() {
  await loadTexts();
  loadConversation();

  $("language").addEventListener("click", switchLanguage);
  $("new-session").addEventListener("click", newConversation);
  $("purge-session").addEventListener("click", purgeConversation);
  $("client").addEventListener("change", chooseClient);
  $("redact").addEventListener("click", redact);
  $("redact-selection").addEventListener("click", redactSelection);
  $("clear-input").addEventListener("click", clearInput);
  $("restore").addEventListener("click", restore);
  $("copy-redacted").addEventListener("click", (event) => copy(state.redaction.text, event.currentTarget));
  $("copy-restored").addEventListener("click", (event) => copy(state.restoration.text, event.currentTarget));
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("key-dialog").close(event.submitter ? event.submitter.value : "cancel");
  });
  onCtrlEnter($("input"), redact);
  onCtrlEnter($("answer"), restore);
  forgetChoicesOnNewText($("input"));
  onPaste($("input"), redact);
  onPaste($("answer"), restore);
  document.addEventListener("selectionchange", trackSelection);
  // "selectionchange" arrives late: a quick Shift+Arrow then Tab would find the button still
  // disabled and skip it. The key's release, on the text area, comes before the Tab.
  for (const area of [$("input"), $("redacted")]) {
    area.addEventListener("keyup", trackSelection);
    area.addEventListener("mouseup", trackSelection);
  }

  applyLanguage();
  document.body.dataset.ready = "true";
  await loadProfiles();
}

start();
