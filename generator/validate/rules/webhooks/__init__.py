"""Microsoft Swagger Validator rules of its *Webhooks* section: x-ms-notification-url and webhook triggers."""
