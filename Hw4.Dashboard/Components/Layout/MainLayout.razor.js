// Keeps the theme choice where the server reads it (a cookie: the next page is rendered in it from its first byte)
// and in local storage (where earlier versions kept it), and gives the document the matching base colours at once.
export function saveTheme(key, value, documentStyle) {
  try { localStorage.setItem(key, value); } catch { /* storage refused: the cookie still carries it */ }
  document.cookie = `${key}=${value}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.setAttribute('style', documentStyle || '');
}

export function storedTheme(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}
