// Copies the text of one element to the clipboard, falling back to selecting it where the clipboard API is
// unavailable (plain http on a non-local address): the user can then press Ctrl+C.
export async function copyText(id) {
    const element = document.getElementById(id);
    if (!element) {
        return false;
    }
    const text = element.textContent.trim();
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        const range = document.createRange();
        range.selectNodeContents(element);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return false;
    }
}
