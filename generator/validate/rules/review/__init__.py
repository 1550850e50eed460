"""Rules from Microsoft's certification review and the platform's policy templates: checks no
documented validator rule lists, but reviewers or the upload reject."""
