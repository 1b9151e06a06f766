// The host's own script for the iframe: it names its origin as the one the iframe may
// post to, sizes the iframe to its content, and fills the form from a request.
const frame = document.getElementById('calculator');
const src = new URL(frame.dataset.src, location.href);
src.searchParams.set('target-origin', location.origin);
frame.src = src.href;
const field = document.getElementById('ask-quote');
addEventListener('message', (event) => {
  if (event.origin !== src.origin || event.source !== frame.contentWindow) return;
  const { type, detail } = event.data;
  if (type === 'hubquote:resize') frame.style.height = `${detail.height}px`;
  if (type === 'hubquote:request') {
    const { quote_number, tier, share_link, quote } = detail;
    field.value = `${quote_number} (${tier}), ${quote.totals.first_year_total_cost} ${quote.currency.code} the first year: ${share_link}`;
    field.focus();
  }
});
