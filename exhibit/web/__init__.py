"""The kiosk in web browsers (`kiosk serve`): one kiosk process per tab, through textual-serve.
Imported only by that command: nothing else in the kiosk needs aiohttp or textual-serve."""
