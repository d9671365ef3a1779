"""Wire-style article texts shared by the CLI and robustness tests (written for the tests)."""

YEMEN = ("ADEN, March 4 (AP) - Yemen's Houthi rebels fired two anti-ship missiles at a "
         "Liberian-flagged tanker in the Gulf of Aden on Saturday, the U.S. military's Central "
         "Command said.\n")
ARMENIA = ("YEREVAN, Aug 9 (Reuters) - Armenia and Azerbaijan signed a peace declaration at the "
           "White House on Friday, and Armenian Prime Minister Nikol Pashinyan said the two "
           "countries would open their border to trade.\n")
