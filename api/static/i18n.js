// The page's texts in French and English (i18n.json), and the language chosen, remembered in this browser.

const LANGUAGE_KEY = "clientguard.language";
let texts = null;
let language = "fr";

export async function loadTexts() {
  const response = await fetch(new URL("i18n.json", import.meta.url), { cache: "no-store" });
  texts = await response.json();
  language = localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "fr"; // French unless the user chose English
}

export function t(key, values = {}) {
  const text = texts[language][key] ?? texts.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export function typeName(type) {
  return texts[language].types[type] ?? type;
}

export function knownTypes() {
  return Object.keys(texts.fr.types);
}

export function currentLanguage() {
  return language;
}

export function toggleLanguage() {
  language = language === "fr" ? "en" : "fr";
  localStorage.setItem(LANGUAGE_KEY, language);
}

// Every element marked data-i18n (text) or data-i18n-aria-label (its screen-reader name).
export function translateDocument() {
  document.documentElement.lang = language;
  document.title = t("page_title");
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll("[data-i18n-aria-label]")) {
    element.setAttribute("aria-label", t(element.dataset.i18nAriaLabel));
  }
}
