"""Email delivery: subscribers, their messages, SMTP or the outbox, the send ledger, the run lock."""
