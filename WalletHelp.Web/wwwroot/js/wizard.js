// WalletHelp wizard helpers: focus management and the in-browser connectivity check (feeds AP-NETWORK).

export function focusById(id) {
    const el = document.getElementById(id);
    if (!el) return false;
    const target = el.matches('input, textarea, select, button, h1, h2')
        ? el
        : (el.querySelector('input:not([type=hidden]), textarea, select, button') || el);
    target.focus({ preventScroll: false });
    if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
    return true;
}

// Live assist: an agent pointed at a field. Scroll it into view; the focus stays where the person is typing.
export function scrollToId(id) {
    const el = document.getElementById(id);
    if (!el) return false;
    const field = el.closest('.wh-field') || el;
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
}

// Measures the round trip to the server `times` times; a failed request or being offline is "failed".
export async function checkNetwork(url, times) {
    if (!navigator.onLine) return { online: false, failed: true, times: [] };
    const measured = [];
    for (let i = 0; i < times; i++) {
        const started = performance.now();
        try {
            const controller = new AbortController();
            const timer = setTimeout(() => controller.abort(), 8000);
            const response = await fetch(url + (url.includes('?') ? '&' : '?') + 'probe=' + Date.now(),
                { cache: 'no-store', signal: controller.signal, credentials: 'omit' });
            clearTimeout(timer);
            if (!response.ok && response.status !== 503) return { online: true, failed: true, times: measured };
        } catch {
            return { online: true, failed: true, times: measured };
        }
        measured.push(Math.round(performance.now() - started));
    }
    return { online: true, failed: false, times: measured };
}
