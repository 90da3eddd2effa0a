// Groups card numbers in fours in the browser, as they are typed or pasted, keeping the caret where it was.
// Done here rather than on the server: a server-side reformat arrives after a round trip and overwrote whatever had
// been typed meanwhile. Runs in the capture phase, before Blazor reads the value; skipped while an IME composes.
(function () {
    function group(text) {
        const compact = text.replace(/\s+/g, "");
        return compact.replace(/(.{4})(?=.)/g, "$1 ");
    }

    window.addEventListener("input", function (event) {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || input.dataset.format !== "card" || event.isComposing) return;
        const before = input.value;
        const grouped = group(before);
        if (grouped === before) return;
        const caret = input.selectionStart ?? before.length;
        const keptBeforeCaret = before.slice(0, caret).replace(/\s+/g, "").length;
        input.value = grouped;
        let position = 0;
        for (let seen = 0; position < grouped.length && seen < keptBeforeCaret; position++) {
            if (!/\s/.test(grouped[position])) seen++;
        }
        input.setSelectionRange(position, position);
    }, true);
})();
