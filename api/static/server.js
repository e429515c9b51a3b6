// Talking to the clientguard server: JSON in and out, its errors sorted into the kinds the page
// explains, and the API key asked for when the server has one (kept for this browser tab only).

const API_KEY_KEY = "clientguard.apiKey";
let apiKey = sessionStorage.getItem(API_KEY_KEY) || "";

/** A failure the page can explain: `kind` names the message (error_<kind>), `detail` is the API's error. */
export class PageError extends Error {
  constructor(kind, detail = {}) {
    super(kind);
    this.kind = kind;
    this.detail = detail;
  }
}

export async function call(method, path, body, retried = false) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  let response;
  try {
    response = await fetch(path, {
      method, headers, cache: "no-store", body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PageError("server_down");
  }
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.ok) return data;
  if (response.status === 401 && !retried && (await askForKey())) return call(method, path, body, true);
  const error = (data && data.error) || {};
  throw new PageError(classify(response.status, error), error);
}

function classify(status, error) {
  const message = error.message || "";
  if (status === 401) return "unauthorized";
  if (status === 404 && error.code === "session_not_found") return "session_expired";
  if (status === 413 || error.code === "too_large") return "too_large";
  if (status === 422 && (error.code === "blocked" || /\bblock/i.test(message))) return "blocked";
  if (status === 422 && /\blimit\b/i.test(message)) return "too_large";
  if (status === 422 || status === 400) return "invalid";
  if (status === 502 || status === 503 || status === 504) return "server_down";
  return "server";
}

function askForKey() {
  const dialog = document.getElementById("key-dialog");
  const input = document.getElementById("key");
  if (dialog.open) return Promise.resolve(false);
  input.value = "";
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      const key = input.value.trim();
      const accepted = dialog.returnValue === "ok" && key !== "";
      if (accepted) {
        apiKey = key;
        sessionStorage.setItem(API_KEY_KEY, key);
      }
      resolve(accepted);
    }, { once: true });
  });
}
