"""What the Telegram and Zalo stand-ins share: the server's lifecycle, the webhook pusher and
waiting for what the bot sends."""
