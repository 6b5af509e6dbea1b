namespace Zhonghan.Knowledge.Index;

/// <summary>
/// Chinese ↔ English words of the trade, added to a record's indexed text when one side occurs, so that
/// "有没有 3A 的同步降压芯片" finds an English catalogue line "Synchronous Step-down (Buck) 3A" and "sample process"
/// finds the Chinese 申样流程 page. Generic vocabulary, not catalogue content.
/// </summary>
internal static class DomainTerms
{
    private static readonly (string[] Keys, string Adds)[] Table =
    [
        (["buck", "step-down", "step down"], "降压 降压芯片 降压转换器 开关电源 DC-DC"),
        (["boost", "step-up", "step up"], "升压 升压芯片 升压转换器 开关电源"),
        (["dc-dc", "switching regulator", "dc dc"], "开关稳压器 开关电源 电源芯片 DC-DC"),
        (["synchronous"], "同步"),
        (["ldo", "low dropout", "low drop out", "linear regulator", "linear voltage regulator"], "线性稳压器 低压差 LDO 稳压芯片 稳压器"),
        (["operational amplifier", "op-amp", "opamp", "op amp"], "运放 运算放大器 放大器"),
        (["amplifier"], "放大器"),
        (["comparator"], "比较器"),
        (["rail-to-rail", "rail to rail"], "轨到轨"),
        (["low noise"], "低噪声"),
        (["low power", "micropower"], "低功耗"),
        (["precision"], "精密 高精度"),
        (["mosfet", "mos tube"], "场效应管 MOS管 MOSFET"),
        (["n-channel", "n channel", "nmos"], "N沟道 NMOS"),
        (["p-channel", "p channel", "pmos"], "P沟道 PMOS"),
        (["mlcc", "multilayer ceramic", "ceramic capacitor"], "贴片电容 陶瓷电容 电容 MLCC"),
        (["capacitor"], "电容"),
        (["resistor"], "电阻"),
        (["analog to digital", "analog-to-digital", "adc"], "模数转换器 模数转换 ADC"),
        (["digital to analog", "digital-to-analog", "dac"], "数模转换器 DAC"),
        (["digital isolator", "i2c isolator"], "数字隔离器 隔离芯片 隔离器"),
        (["isolated", "isolation"], "隔离"),
        (["gate driver", "gate drive", "gate drivers"], "栅极驱动 门极驱动 驱动芯片 驱动器"),
        (["half-bridge", "half bridge"], "半桥"),
        (["current sense", "current-sense", "current sensing", "current-sensing", "current shunt"], "电流检测 电流采样 电流检测放大器"),
        (["can transceiver", "can ic", "can fd", "can bus", "can controller"], "CAN收发器 CAN总线 CAN"),
        (["rs-485", "rs485", "rs-422", "rs422"], "485 RS485 收发器 接口芯片 通讯芯片"),
        (["transceiver"], "收发器"),
        (["microcontroller", "mcu", "single chip microcomputer"], "单片机 微控制器 主控 MCU"),
        (["arm cortex", "cortex-m", "cortex m"], "ARM内核 Cortex"),
        (["flash"], "闪存 存储"),
        (["automotive", "aec-q100", "aec-q200"], "车规 汽车级"),
        (["tvs"], "瞬态抑制二极管 TVS"),
        (["diode"], "二极管"),
        (["sample", "samples"], "申样 样品"),
        (["lead time", "delivery"], "交期 货期"),
        (["quote", "quotation"], "报价 询价"),
        (["stock", "inventory"], "库存 现货"),
        (["datasheet"], "规格书 数据手册"),
        // Makers: the Chinese names and short forms people use for them.
        (["texas instruments"], "德州仪器 TI"),
        (["analog devices"], "亚德诺 ADI"),
        (["stmicroelectronics"], "意法半导体 ST"),
        (["microchip"], "微芯"),
        (["nxp"], "恩智浦"),
        (["infineon"], "英飞凌"),
        (["onsemi", "on semiconductor"], "安森美"),
        (["murata"], "村田"),
        (["samsung"], "三星"),
        (["maxim"], "美信"),
        (["renesas"], "瑞萨"),
        (["rohm"], "罗姆"),
        (["vishay"], "威世"),
        (["yageo"], "国巨"),
        (["gigadevice"], "兆易创新 GD"),
        (["nexperia"], "安世"),
        (["monolithic power"], "芯源 MPS"),
        // Chinese → English for the documents written in Chinese.
        (["申样", "样品"], "sample samples request"),
        (["交期", "货期", "交货"], "lead time delivery"),
        (["报价", "询价"], "quote quotation price pricing"),
        (["库存", "现货"], "stock inventory"),
        (["最小起订量", "起订量"], "MOQ minimum order"),
        (["付款", "账期", "回款"], "payment terms"),
        (["到样", "到货", "发货", "发出"], "能到 到货 到样 发货 多久到 arrive arrival ship shipping"),
        (["费用", "收费", "免费"], "要钱 收费 费用 免费 cost fee free"),
        (["降压"], "buck step-down"),
        (["升压"], "boost step-up"),
        (["稳压"], "regulator"),
        (["隔离"], "isolated isolation"),
        (["单片机", "微控制器"], "MCU microcontroller"),
    ];

    /// <summary>The words to add for <paramref name="text"/> (empty when none applies).</summary>
    public static string Expand(string text)
    {
        var adds = new List<string>();
        foreach (var (keys, add) in Table)
            foreach (var k in keys)
                if (text.Contains(k, StringComparison.OrdinalIgnoreCase)) { adds.Add(add); break; }
        return string.Join(' ', adds);
    }
}
