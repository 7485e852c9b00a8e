"""chatassist: an offline, multilingual chat-assist sidebar for customer-service agents."""

__version__ = "0.1.0"
