"""Staff sign-in's second factor: after the password, a passkey or an authenticator app's code,
with one-time recovery codes; enrollment on first sign-in, an admin's reset, and the audit
report of sign-ins, failures, factor changes and consultation request exports.

django-otp holds the factors ("devices") and says which one verified a session;
django-otp-webauthn adds passkeys. See docs/architecture.md and docs/deployment.md.
"""
