"""The kiosk's user interface: Textual screens and widgets that read the frozen exhibit model."""
