// The host's own script: the research instance's "Request this quote" fills the form.
const research = document.getElementById('research');
const field = document.getElementById('ask-quote');
research.addEventListener('hubquote:request', (event) => {
  event.preventDefault(); // the host handles it: no e-mail opens
  const { quote_number, tier, share_link, quote } = event.detail;
  field.value = `${quote_number} (${tier}), ${quote.totals.first_year_total_cost} ${quote.currency.code} the first year: ${share_link}`;
  field.focus();
});
