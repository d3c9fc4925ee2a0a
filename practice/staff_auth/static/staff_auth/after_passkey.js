// Once django-otp-webauthn has saved a new passkey, go on to the recovery codes (after the
// first factor) or back to the list of factors: the address is on the button.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const after = event.target.dataset.after;
  if (after) {
    window.location.assign(after);
  }
});
