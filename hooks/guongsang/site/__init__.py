"""The linked site model and its views: profiles, campaigns, conferences, statistics, events, unit
history, redirects. Built once from valid records; imports checks/ and below."""
