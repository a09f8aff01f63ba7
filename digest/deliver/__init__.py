"""Email delivery: subscribers, their messages, SMTP or the outbox, the ledger, the run lock."""
