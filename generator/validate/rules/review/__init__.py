"""Rules from Microsoft's certification review (none yet): add review-time checks here."""
