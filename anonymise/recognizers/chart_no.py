"""CHART_NO: chart / patient / registration numbers after their label (차트번호, patient ID, カルテ番号 ...)."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.recognizers import gates

LABEL = (r"(?<![A-Za-z])(?:[차챠]트[ \t]?(?:번호|넘버|No\.?)?|환자[ \t]?(?:번호|ID|아이디|등록번호)|(?<!주민|외국인|사업자)등록[ \t]?번호|진료[ \t]?(?:번호|카드[ \t]?번호)|"
         r"병록[ \t]?번호|내원[ \t]?번호|의무[ \t]?기록[ \t]?번호|진료[ \t]?기록[ \t]?번호|hospital[ \t]?(?:no\.?|number|id)|"
         r"case[ \t]?(?:no\.?|number)|chart[ \t]?(?:no\.?|number|num|#|id)?|patient[ \t]?(?:id|no\.?|number|#|code)|"
         r"medical[ \t]?record[ \t]?(?:no\.?|number|#)?|MRN|record[ \t]?(?:no\.?|number|#)|"
         r"病[历例]号|病历编号|病案号|患者编号|患者ID|就诊卡号|カルテ[ \t]?(?:番号|No\.?)?|患者番号|診察券番号)")
MARK = r"(?:[ \t]*(?:[:：#=]|는|은|이|가|is|是|は)?[ \t]*(?:[(\[][ \t]*)?)"
# A label followed by a quantity is not a number's label ("차트 2019년", "chart 12 weeks").
NOT_A_QUANTITY = (r"(?![ \t]*(?:년|월|일|개월|주|회|세|살|시|분|cc|원|만|%|years?|months?|weeks?|days?|hours?|units?|"
                  r"mg|ml)(?![A-Za-z]))")
NUMBER = rf"(?=[A-Za-z-]{{0,4}}\d)[A-Za-z]{{0,4}}-?\d{{2,12}}(?:-\d{{1,10}}){{0,2}}(?![A-Za-z0-9_-]){NOT_A_QUANTITY}"


class ChartNumberRecognizer(PatternRecognizer):
    TEXT_GATES = (gates.DIGIT, gates.gate(LABEL))
    PATTERNS = [Pattern("number_after_chart_label", rf"(?<={LABEL}{MARK}){NUMBER}", 0.85)]
    CONTEXT = ["차트", "환자번호", "등록번호", "chart", "patient", "mrn", "カルテ", "病历"]

    def __init__(self):
        super().__init__(supported_entity="CHART_NO", patterns=self.PATTERNS, context=self.CONTEXT,
                         name="ChartNumberRecognizer")


RECOGNIZERS = [ChartNumberRecognizer]
